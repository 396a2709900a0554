package dev.pulse.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Reads a request body as bytes, whatever its content type, up to a size limit (413 beyond it).
 * Vert.x's {@code BodyHandler} decodes form content types as form fields, and {@code curl -d}
 * sends JSON with a form content type: a {@code %} in such a body would fail the form decoder, so
 * routes whose body is JSON read it with this handler instead.
 */
public final class RawBodyHandler implements Handler<RoutingContext> {

  private static final String BODY = "pulse.rawBody";
  /** Compiled once: {@code String.matches} compiled it on every request with a body. */
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}");
  private static final int PRESIZE_MAX = 16 * 1024;

  private final int limit;

  public RawBodyHandler(int limit) {
    this.limit = limit;
  }

  /** The body read by this handler; empty when the request had none. */
  public static Buffer body(RoutingContext ctx) {
    return ctx.get(BODY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    long length = declared != null && DECIMAL.matcher(declared).matches() ? Long.parseLong(declared) : -1;
    if (length > limit) {
      tooLarge(ctx);
      return;
    }
    // Sized from Content-Length, so that a body is copied once instead of into ever larger buffers;
    // at most PRESIZE_MAX up front, so that a client declaring a large body and sending nothing holds
    // little memory.
    Buffer body = length > 0 ? Buffer.buffer((int) Math.min(length, PRESIZE_MAX)) : Buffer.buffer();
    boolean[] refused = {false};
    request.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > limit) {
        refused[0] = true;
        tooLarge(ctx);
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.exceptionHandler(failure -> {
      if (!refused[0]) {
        refused[0] = true;
        ctx.fail(400, failure);
      }
    });
    request.endHandler(end -> {
      if (!refused[0]) {
        ctx.put(BODY, body);
        ctx.next();
      }
    });
    request.resume();
  }

  private void tooLarge(RoutingContext ctx) {
    // The rest of the body is not read: close the connection once the 413 is written.
    ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    ctx.fail(new ProblemException(413, "BODY_TOO_LARGE", "body",
        "request body is larger than the limit of " + limit + " bytes"));
  }
}
