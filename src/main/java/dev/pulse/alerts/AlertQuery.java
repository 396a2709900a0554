package dev.pulse.alerts;

import dev.pulse.OrderKey;
import java.util.List;
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
   * The groups whose aggregates, added up, are exactly the statistics of the matches: the one group
   * for no filter or exactly one of {@code name}, {@code service.name}, {@code responder.name},
   * {@code status}; one group per status when only statuses are given (they are disjoint). Empty
   * when the matches must be scanned instead.
   */
  public List<String> aggregateDimensions() {
    int others = (name != null ? 1 : 0) + (serviceName != null ? 1 : 0) + (responderName != null ? 1 : 0);
    if (since != null || until != null || others > 1 || (others == 1 && !statuses.isEmpty())) {
      return List.of();
    }
    if (statuses.size() > 1) {
      return statuses.stream().sorted().map(Dimensions::status).toList();
    }
    return List.of(dimension());
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
