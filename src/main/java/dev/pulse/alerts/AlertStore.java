package dev.pulse.alerts;

import dev.pulse.Page;
import io.vertx.core.Future;

/**
 * Every alert ever seen, merged from its events ({@link Alert#merge}), with per-group aggregates
 * ({@link Alert#dimensions()}) kept at ingestion. Implementations: {@link MemoryAlertStore} (one
 * owner event loop) and {@link RedisAlertStore} (one Lua script per event).
 */
public interface AlertStore {

  Future<Void> start();

  /** Merges one event into its alert and returns the alert as stored. */
  Future<Alert> ingest(AlertEvent event);

  /** The alert, or null. */
  Future<Alert> get(String alertId);

  /** Matching alerts, newest {@code triggeredOn} first (ties by id, descending). */
  Future<Page<Alert>> list(AlertQuery query);

  Future<AlertStats> stats(AlertQuery query);

  Future<Void> close();
}
