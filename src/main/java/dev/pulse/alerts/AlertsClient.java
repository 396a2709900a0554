package dev.pulse.alerts;

import dev.pulse.Addresses;
import dev.pulse.EventBusClient;
import dev.pulse.Page;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

/** The alerts domain as seen from another verticle: typed requests over the event bus. */
public final class AlertsClient extends EventBusClient {

  public AlertsClient(EventBus bus, long timeoutMs) {
    super(bus, timeoutMs);
  }

  public Future<Alert> ingest(AlertEvent event) {
    return request(Addresses.ALERTS_INGEST, event);
  }

  /** The alert; fails with 404 when it is unknown. */
  public Future<Alert> get(String alertId) {
    return request(Addresses.ALERTS_GET, new Alerts.AlertKey(alertId));
  }

  public Future<Page<Alert>> list(AlertQuery query) {
    return request(Addresses.ALERTS_LIST, query);
  }

  public Future<AlertStats> stats(AlertQuery query) {
    return request(Addresses.ALERTS_STATS, query);
  }
}
