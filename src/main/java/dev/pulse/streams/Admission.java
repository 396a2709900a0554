package dev.pulse.streams;

import java.util.List;

/**
 * The outcome of a start request. {@code lease} is the admitted or renewed lease (null when
 * refused); {@code active} the user's active leases after this step, oldest first; {@code expired}
 * the stale leases this step dropped (announced like swept ones). {@code degraded} is true when the
 * store was unreachable and the stream was admitted without a check ({@code streams.failOpen}).
 */
public record Admission(Outcome outcome, Lease lease, int limit, List<Lease> active, List<Lease> expired,
    boolean degraded) {

  public enum Outcome { ADMITTED, RENEWED, REFUSED }
}
