package dev.pulse.alerts;

import dev.pulse.Addresses;
import dev.pulse.DomainClient;
import dev.pulse.DomainRequests;
import dev.pulse.Page;
import io.vertx.core.Future;

/** The alerts domain as seen from another verticle: typed requests to its verticle. */
public final class AlertsClient extends DomainClient {

  public AlertsClient(DomainRequests requests, long timeoutMs) {
    super(requests, timeoutMs);
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
