package dev.pulse.services;

/**
 * The outcome of {@code POST /services}: the service created or updated (or left as it was, for a
 * repeated definition), or refused because {@code If-Match} named another revision than
 * {@code currentRevision} (0 when the service does not exist).
 */
public record Registration(Outcome outcome, Service service, long currentRevision) {

  public enum Outcome { CREATED, UPDATED, UNCHANGED, PRECONDITION_FAILED }

  public static Registration preconditionFailed(long currentRevision) {
    return new Registration(Outcome.PRECONDITION_FAILED, null, currentRevision);
  }
}
