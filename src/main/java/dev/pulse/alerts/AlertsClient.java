package dev.pulse.alerts;

import dev.pulse.Addresses;
import dev.pulse.Page;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/** The alerts domain as seen from another verticle: typed requests over the event bus. */
public final class AlertsClient {

  private final EventBus bus;
  private final DeliveryOptions options;

  public AlertsClient(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
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

  private <T> Future<T> request(String address, Object body) {
    return bus.<T>request(address, body, options).map(Message::body);
  }
}
