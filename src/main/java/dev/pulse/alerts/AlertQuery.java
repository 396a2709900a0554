package dev.pulse.alerts;

import dev.pulse.OrderKey;
import java.util.Set;

/**
 * Filters of {@code GET /alerts} and {@code GET /alerts/stats}, all optional and combined with AND:
 * exact {@code name}, {@code service.name}, {@code responder.name}, any of {@code statuses}, and
 * {@code triggeredOn} within {@code [since, until]} (epoch ms, inclusive). {@code after} is the
 * order key of the last alert of the previous page; {@code limit} 0 means no limit.
 */
public record AlertQuery(String name, String serviceName, String responderName, Set<AlertStatus> statuses,
    Long since, Long until, String after, int limit) {

  public static AlertQuery all() {
    return new AlertQuery(null, null, null, Set.of(), null, null, null, 0);
  }

  public AlertQuery withPage(String newAfter, int newLimit) {
    return new AlertQuery(name, serviceName, responderName, statuses, since, until, newAfter, newLimit);
  }

  public boolean matches(Alert alert) {
    return (name == null || name.equals(alert.name()))
        && (serviceName == null || (alert.service() != null && serviceName.equals(alert.service().name())))
        && (responderName == null || (alert.responder() != null && responderName.equals(alert.responder().name())))
        && (statuses.isEmpty() || statuses.contains(alert.status()))
        && (since == null || alert.triggeredOn().epochMillis() >= since)
        && (until == null || alert.triggeredOn().epochMillis() <= until);
  }

  /** The smallest group that holds every match: walked newest first, the other filters applied on the way. */
  public String dimension() {
    if (serviceName != null) {
      return Dimensions.service(serviceName);
    }
    if (responderName != null) {
      return Dimensions.responder(responderName);
    }
    if (name != null) {
      return Dimensions.name(name);
    }
    if (statuses.size() == 1) {
      return Dimensions.status(statuses.iterator().next());
    }
    return Dimensions.ALL;
  }

  /**
   * True when the matches are exactly one group, so statistics come from the aggregates kept at
   * ingestion: no filter, or exactly one of {@code name}, {@code service.name},
   * {@code responder.name}, a single {@code status}.
   */
  public boolean answeredByAggregates() {
    int filters = (name != null ? 1 : 0) + (serviceName != null ? 1 : 0) + (responderName != null ? 1 : 0)
        + (statuses.isEmpty() ? 0 : 1);
    return since == null && until == null && filters <= 1 && statuses.size() <= 1;
  }

  /** Lowest order key a match can have, or null. */
  public String lowestKey() {
    return since == null ? null : OrderKey.prefix(since);
  }

  /** Order keys of matches are below this, or null. */
  public String keyCeiling() {
    return until == null ? null : OrderKey.prefix(until + 1);
  }
}
