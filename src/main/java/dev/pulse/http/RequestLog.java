package dev.pulse.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.pulse.ops.RequestIds;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every request: takes the client's {@code X-Request-Id} (or makes one),
 * makes it the current request id for every log line about the request, returns it in the
 * response, and writes one access-log line when the response ends: method, route template,
 * status, latency, bytes and request id (JSON fields in the JSON format). The access log is the
 * logger {@code pulse.access}: {@code log.levels=pulse.access=OFF} silences it.
 */
final class RequestLog implements Handler<RoutingContext> {

  private static final Logger ACCESS = LoggerFactory.getLogger("pulse.access");

  @Override
  public void handle(RoutingContext ctx) {
    String requestId = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
    RequestIds.set(requestId);
    ctx.response().putHeader(RequestIds.HEADER, requestId);
    if (ACCESS.isInfoEnabled()) {
      long started = System.nanoTime();
      ctx.addEndHandler(ended -> {
        double latencyMs = (System.nanoTime() - started) / 10_000 / 100.0;
        ACCESS.info("{} {} {} {} ms {} bytes", kv("method", ctx.request().method().name()),
            kv("route", RouteTemplates.of(ctx)), kv("status", ctx.response().getStatusCode()),
            kv("latencyMs", latencyMs), kv("bytes", ctx.response().bytesWritten()));
      });
    }
    ctx.next();
  }
}
