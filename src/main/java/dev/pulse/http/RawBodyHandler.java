package dev.pulse.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body as bytes, whatever its content type, up to a size limit (413 beyond it).
 * Vert.x's {@code BodyHandler} decodes form content types as form fields, and {@code curl -d}
 * sends JSON with a form content type: a {@code %} in such a body would fail the form decoder, so
 * routes whose body is JSON read it with this handler instead.
 */
public final class RawBodyHandler implements Handler<RoutingContext> {

  private static final String BODY = "pulse.rawBody";
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
    read(ctx, body -> {
      ctx.put(BODY, body);
      ctx.next();
    });
  }

  /**
   * Reads the request's body and hands it to {@code then}: at once when the request can have none,
   * else when it has ended. A body over the limit or a broken request fails {@code ctx} instead (413,
   * 400), and {@code then} is not called. What {@code then} throws fails {@code ctx}, also when it runs
   * from the request's end handler, outside the router's own guard.
   */
  void read(RoutingContext ctx, Handler<Buffer> then) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    long length = declaredLength(declared);
    if (length > limit) {
      tooLarge(ctx);
      return;
    }
    if (hasNoBody(request, declared, length)) {
      then.handle(Buffer.buffer());
      return;
    }
    Body body = new Body(length);
    request.handler(chunk -> {
      if (body.refused) {
        return;
      }
      if (body.length() + chunk.length() > limit) {
        body.refused = true;
        tooLarge(ctx);
      } else {
        body.add(chunk);
      }
    });
    request.exceptionHandler(failure -> {
      if (!body.refused) {
        body.refused = true;
        ctx.fail(400, failure);
      }
    });
    request.endHandler(end -> {
      if (!body.refused) {
        try {
          then.handle(body.bytes());
        } catch (RuntimeException failure) {
          ctx.fail(failure);
        }
      }
    });
    request.resume();
  }

  /**
   * An HTTP/1.x request with neither a Transfer-Encoding nor a Content-Length other than 0 has no
   * body (RFC 9112, section 6.3): the handler goes on at once instead of waiting for the end of a
   * body that cannot come (most heartbeats). An HTTP/2 request can carry a body without either
   * header, so it is read as it comes.
   */
  private static boolean hasNoBody(HttpServerRequest request, String declared, long length) {
    return (declared == null || length == 0) && request.version() != HttpVersion.HTTP_2
        && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }

  /** A Content-Length of 1 to 18 decimal digits, or -1 (absent or not a length: the body is read as it comes). */
  static long declaredLength(String declared) {
    if (declared == null || declared.isEmpty() || declared.length() > 18) {
      return -1;
    }
    long length = 0;
    for (int i = 0; i < declared.length(); i++) {
      char c = declared.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  /**
   * A body as it arrives. One chunk (the usual small body) is kept as Vert.x handed it, a private
   * copy already; more are gathered into one buffer, sized from Content-Length so that it is filled
   * once, at most {@link #PRESIZE_MAX} up front, so that a client declaring a large body and sending
   * nothing holds little memory.
   */
  private static final class Body {
    private final long declaredLength;
    private Buffer first;
    private Buffer gathered;
    boolean refused;

    Body(long declaredLength) {
      this.declaredLength = declaredLength;
    }

    int length() {
      return gathered != null ? gathered.length() : first != null ? first.length() : 0;
    }

    void add(Buffer chunk) {
      if (first == null && gathered == null) {
        first = chunk;
        return;
      }
      if (gathered == null) {
        long size = Math.max(declaredLength, first.length() + chunk.length());
        gathered = Buffer.buffer((int) Math.min(size, PRESIZE_MAX)).appendBuffer(first);
        first = null;
      }
      gathered.appendBuffer(chunk);
    }

    Buffer bytes() {
      return gathered != null ? gathered : first != null ? first : Buffer.buffer();
    }
  }

  private void tooLarge(RoutingContext ctx) {
    // The rest of the body is not read: close the connection once the 413 is written.
    ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    ctx.fail(new ProblemException(413, "BODY_TOO_LARGE", "body",
        "request body is larger than the limit of " + limit + " bytes"));
  }
}
