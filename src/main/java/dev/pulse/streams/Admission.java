package dev.pulse.streams;

import java.util.List;

/**
 * The outcome of a start request. {@code lease} is the admitted or renewed lease (null when
 * refused); {@code active} the number of the user's active leases after this step (an admitted or
 * renewed one included); {@code holders} the active leases that made a refusal, oldest first
 * (empty unless refused: only a refusal lists them, and reading every lease's data on each
 * admission cost the Redis store a call per lease); {@code expired} the stale leases this step
 * dropped (announced like swept ones). {@code degraded} is true when the store was unreachable and
 * the stream was admitted without a check ({@code streams.failOpen}).
 */
public record Admission(Outcome outcome, Lease lease, int limit, int active, List<Lease> holders,
    List<Lease> expired, boolean degraded) {

  public enum Outcome { ADMITTED, RENEWED, REFUSED }
}
