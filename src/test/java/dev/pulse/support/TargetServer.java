package dev.pulse.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server standing in for a service instance under health checks: it answers 200, 503
 * or never, as the test switches it, and counts what it saw (requests by outcome, requests open at
 * once), so that a test can tell exactly how many probes each status change took.
 */
public final class TargetServer {

  public enum Mode { HEALTHY, FAILING, HANGING }

  private final HttpServer server;
  private volatile Mode mode = Mode.HEALTHY;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger passes = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final java.util.Map<String, java.util.List<Long>> arrivals = new java.util.concurrent.ConcurrentHashMap<>();

  private TargetServer(HttpServer server) {
    this.server = server;
  }

  public static TargetServer start(Vertx vertx) {
    TargetServer[] holder = new TargetServer[1];
    HttpServer server = vertx.createHttpServer().requestHandler(request -> holder[0].handle(request));
    holder[0] = new TargetServer(server);
    server.listen(0, "127.0.0.1").await();
    return holder[0];
  }

  private void handle(HttpServerRequest request) {
    requests.incrementAndGet();
    arrivals.computeIfAbsent(request.path(), path -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(System.currentTimeMillis());
    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    switch (mode) {
      case HEALTHY -> {
        passes.incrementAndGet();
        open.decrementAndGet();
        request.response().end("ok");
      }
      case FAILING -> {
        failures.incrementAndGet();
        open.decrementAndGet();
        request.response().setStatusCode(503).end("down");
      }
      case HANGING -> request.connection().closeHandler(closed -> open.decrementAndGet());
    }
  }

  /** The base URL of an instance: {@code http://127.0.0.1:<port>/<name>}. */
  public String url(String name) {
    return "http://127.0.0.1:" + server.actualPort() + "/" + name;
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  public int requests() {
    return requests.get();
  }

  public int passes() {
    return passes.get();
  }

  public int failures() {
    return failures.get();
  }

  /** When each request for {@code path} arrived (epoch ms), in order. */
  public java.util.List<Long> arrivals(String path) {
    return java.util.List.copyOf(arrivals.getOrDefault(path, java.util.List.of()));
  }

  /** The most requests that were ever open at the same time. */
  public int maxOpen() {
    return maxOpen.get();
  }

  public void close() {
    server.close().await();
  }
}
