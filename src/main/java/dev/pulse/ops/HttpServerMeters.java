package dev.pulse.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Requests by route template and status: {@code vertx_http_server_requests_total} and the latency
 * histogram {@code vertx_http_server_response_time_seconds}, the names and labels Vert.x's own HTTP
 * server metrics use. Pulse records them itself because Vert.x looks its meters up in the registry on
 * every request (building tags, hashing them, and a Micrometer check for double registration), which
 * cost a fifth of the heartbeat path's CPU; here each (route, status) pair's meters are looked up
 * once and kept. One instance per HTTP verticle, used on its event loop only.
 */
public final class HttpServerMeters {

  static final String REQUESTS = "vertx.http.server.requests";
  static final String RESPONSE_TIME = "vertx.http.server.response.time";
  /** Status codes index an array per route; slots 0 and 1 (no status has them) hold the two codes below. */
  private static final int STATUSES = 600;
  /** Passed as the status of a request whose connection closed before its response ended. */
  public static final int RESET = 0;
  private static final int OTHER = 1;

  private final MeterRegistry registry;
  private final Map<String, RouteMeters[]> byRoute = new HashMap<>();

  public HttpServerMeters(Vertx vertx) {
    this.registry = PulseMetrics.registry(vertx);
  }

  private record RouteMeters(Counter requests, Timer responseTime) {
  }

  /**
   * Counts one response of {@code route} (a template, never a raw path) with {@code status}, or
   * {@link #RESET} (code {@code reset}) for a request whose client went away first. A status outside
   * 100–599 is counted as code {@code other}.
   */
  public void record(String route, int status, long nanos) {
    RouteMeters[] byStatus = byRoute.computeIfAbsent(route, ignored -> new RouteMeters[STATUSES]);
    int slot = status == RESET || (status >= 100 && status < STATUSES) ? status : OTHER;
    RouteMeters meters = byStatus[slot];
    if (meters == null) {
      String code = switch (slot) {
        case RESET -> "reset";
        case OTHER -> "other";
        default -> Integer.toString(status);
      };
      meters = new RouteMeters(
          Counter.builder(REQUESTS).description("Requests by route template and status")
              .tags("route", route, "code", code).register(registry),
          Timer.builder(RESPONSE_TIME).description("Time from a request's arrival to the end of its response")
              .tags("route", route, "code", code).register(registry));
      byStatus[slot] = meters;
    }
    meters.requests().increment();
    meters.responseTime().record(nanos, TimeUnit.NANOSECONDS);
  }
}
