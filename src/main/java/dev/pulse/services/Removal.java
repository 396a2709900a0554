package dev.pulse.services;

/** The outcome of a delete: done, nothing to delete, or refused because {@code If-Match} did not match. */
public record Removal(Outcome outcome, long currentRevision) {

  public enum Outcome { REMOVED, NOT_FOUND, PRECONDITION_FAILED }

  public static final Removal REMOVED = new Removal(Outcome.REMOVED, 0);
  public static final Removal NOT_FOUND = new Removal(Outcome.NOT_FOUND, 0);
}
