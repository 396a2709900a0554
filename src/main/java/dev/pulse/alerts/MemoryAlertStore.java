package dev.pulse.alerts;

import dev.pulse.Page;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * Alerts in maps owned by the alerts verticle's event loop. Each group ({@link Alert#dimensions()})
 * keeps its alerts ordered by {@link Alert#orderKey()} and an {@link AlertStats.Accumulator}, both
 * updated on ingestion: statistics of a group are read, not computed.
 */
public final class MemoryAlertStore implements AlertStore {

  private final Map<String, Indexed> alerts = new HashMap<>();
  private final Map<String, Group> groups = new HashMap<>();

  private static final class Group {
    final TreeMap<String, Alert> byOrder = new TreeMap<>();
    final AlertStats.Accumulator stats = new AlertStats.Accumulator();
  }

  /** An alert with its order key and groups, computed once when it is stored. */
  private record Indexed(Alert alert, String orderKey, List<String> dimensions) {

    static Indexed of(Alert alert) {
      return new Indexed(alert, alert.orderKey(), alert.dimensions());
    }
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  /**
   * Merges the event into the stored alert. Each group the alert leaves, or whose order key changed,
   * drops its entry; every group of the merged alert then maps the order key to it, and each
   * group's statistics swap the old alert for the new one.
   */
  @Override
  public Future<Alert> ingest(AlertEvent event) {
    Indexed existing = alerts.get(event.alertId());
    Alert merged = Alert.merge(existing == null ? null : existing.alert(), event);
    if (existing != null && merged.equals(existing.alert())) {
      return Future.succeededFuture(merged);
    }
    Indexed next = Indexed.of(merged);
    if (existing != null) {
      boolean sameKey = existing.orderKey().equals(next.orderKey());
      for (String dimension : existing.dimensions()) {
        Group group = groups.get(dimension);
        group.stats.remove(existing.alert());
        if (!sameKey || !next.dimensions().contains(dimension)) {
          group.byOrder.remove(existing.orderKey());
          if (group.byOrder.isEmpty()) {
            groups.remove(dimension);
          }
        }
      }
    }
    for (String dimension : next.dimensions()) {
      Group group = groups.computeIfAbsent(dimension, d -> new Group());
      group.byOrder.put(next.orderKey(), merged);
      group.stats.add(merged);
    }
    alerts.put(merged.alertId(), next);
    return Future.succeededFuture(merged);
  }

  @Override
  public Future<Alert> get(String alertId) {
    Indexed indexed = alerts.get(alertId);
    return Future.succeededFuture(indexed == null ? null : indexed.alert());
  }

  @Override
  public Future<Page<Alert>> list(AlertQuery query) {
    Group group = groups.get(query.dimension());
    if (group == null) {
      return Future.succeededFuture(Page.all(List.of()));
    }
    NavigableSet<String> keys = group.byOrder.descendingKeySet();
    String from = lowest(query.after(), query.keyCeiling());
    NavigableSet<String> candidates = from == null ? keys : keys.tailSet(from, false);
    List<Alert> found = new ArrayList<>();
    String lowest = query.lowestKey();
    for (String key : candidates) {
      if (lowest != null && key.compareTo(lowest) < 0) {
        break;
      }
      Alert alert = group.byOrder.get(key);
      if (query.matches(alert)) {
        found.add(alert);
        if (query.limit() > 0 && found.size() > query.limit()) {
          break;
        }
      }
    }
    return Future.succeededFuture(AlertPages.page(found, query.limit()));
  }

  @Override
  public Future<AlertStats> stats(AlertQuery query) {
    List<String> dimensions = query.aggregateDimensions();
    if (dimensions.isEmpty()) {
      return list(query.withPage(null, 0)).map(page -> AlertPages.summarise(page.items()));
    }
    return Future.succeededFuture(AlertStats.sum(dimensions.stream().map(dimension -> {
      Group group = groups.get(dimension);
      return group == null ? new AlertStats.Accumulator().stats() : group.stats.stats();
    }).toList()));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** The lower of an exclusive {@code after} key and an exclusive ceiling; either may be null. */
  static String lowest(String after, String ceiling) {
    if (after == null) {
      return ceiling;
    }
    if (ceiling == null) {
      return after;
    }
    return after.compareTo(ceiling) < 0 ? after : ceiling;
  }
}
