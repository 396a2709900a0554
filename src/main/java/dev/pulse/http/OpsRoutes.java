package dev.pulse.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Operations routes: {@code GET /health/live} (the process serves), {@code GET /health/ready}
 * (every dependency answers; 503 with the failing checks otherwise, and from the moment a
 * shutdown begins) and {@code GET /metrics} (Prometheus text).
 */
final class OpsRoutes {

  static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier draining;
  /** Redis reachability (a PING bounded by redis.timeoutMs), or null in memory mode. */
  private final Supplier<Future<Void>> redisPing;

  OpsRoutes(PrometheusMeterRegistry registry, BooleanSupplier draining, Supplier<Future<Void>> redisPing) {
    this.registry = registry;
    this.draining = draining;
    this.redisPing = redisPing;
  }

  void mount(Router router) {
    RouteTemplates.named(router.get("/health/live")).handler(ctx -> Responses.json(ctx, 200, Map.of("status", "UP")));
    RouteTemplates.named(router.get("/health/ready")).handler(this::ready);
    RouteTemplates.named(router.get("/metrics")).handler(this::metrics);
  }

  private void ready(RoutingContext ctx) {
    List<Map<String, Object>> checks = new ArrayList<>();
    checks.add(check("node", !draining.getAsBoolean(),
        draining.getAsBoolean() ? "shutting down: finishing in-flight requests" : "verticles deployed, accepting requests",
        0));
    Future<Void> redis = redisPing == null ? Future.succeededFuture() : redisPing.get();
    long started = System.nanoTime();
    redis.onComplete(ping -> {
      if (redisPing != null) {
        long ms = (System.nanoTime() - started) / 1_000_000;
        checks.add(check("redis", ping.succeeded(), ping.succeeded() ? "PING answered"
            : "PING failed: " + ping.cause().getMessage(), ms));
      }
      boolean up = checks.stream().allMatch(check -> "UP".equals(check.get("status")));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", up ? "UP" : "DOWN");
      body.put("checks", checks);
      Responses.json(ctx, up ? 200 : 503, body);
    });
  }

  private static Map<String, Object> check(String name, boolean up, String detail, long latencyMs) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("name", name);
    check.put("status", up ? "UP" : "DOWN");
    check.put("detail", detail);
    check.put("latencyMs", latencyMs);
    return check;
  }

  /** Scraped on a worker thread: a scrape walks every meter, which the event loop need not wait for. */
  private void metrics(RoutingContext ctx) {
    ctx.vertx().executeBlocking(registry::scrape, false)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", PROMETHEUS_TYPE).end(text))
        .onFailure(ctx::fail);
  }
}
