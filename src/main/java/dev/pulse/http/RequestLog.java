package dev.pulse.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.pulse.ops.HttpServerMeters;
import dev.pulse.ops.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every request: takes the client's {@code X-Request-Id} (or makes one),
 * makes it the current request id for every log line about the request, returns it in the
 * response, and when the response ends records it in the HTTP metrics ({@link HttpServerMeters})
 * and writes one access-log line: method, route template, status, latency, bytes and request id
 * (JSON fields in the JSON format). The access log is the logger {@code pulse.access}:
 * {@code log.levels=pulse.access=OFF} silences it. One instance per HTTP verticle.
 */
final class RequestLog implements Handler<RoutingContext> {

  private static final Logger ACCESS = LoggerFactory.getLogger("pulse.access");

  private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);

  private final HttpServerMeters meters;

  RequestLog(HttpServerMeters meters) {
    this.meters = meters;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String requestId = RequestIds.accept(ctx.request().getHeader(REQUEST_ID));
    RequestIds.set(requestId);
    ctx.response().putHeader(REQUEST_ID, requestId);
    long started = System.nanoTime();
    ctx.addEndHandler(ended -> {
      long nanos = System.nanoTime() - started;
      String route = RouteTemplates.of(ctx);
      // A connection closed before the response ended: no status was sent, whatever the default says.
      int status = ended.failed() ? HttpServerMeters.RESET : ctx.response().getStatusCode();
      meters.record(route, status, nanos);
      if (ACCESS.isInfoEnabled()) {
        ACCESS.info("{} {} {} {} ms {} bytes", kv("method", ctx.request().method().name()),
            kv("route", route), kv("status", status), kv("latencyMs", nanos / 10_000 / 100.0),
            kv("bytes", ctx.response().bytesWritten()));
      }
    });
    ctx.next();
  }
}
