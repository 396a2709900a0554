package dev.pulse.http;

import dev.pulse.Page;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON success responses. */
final class Responses {

  /** Pre-encoded, as Vert.x recommends for a header value set on every response (the name is Vert.x's own). */
  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private Responses() {
  }

  /** Writes {@code body} as JSON; a body that cannot be encoded fails the request (500) instead of leaving it unanswered. */
  static void json(RoutingContext ctx, int status, Object body) {
    io.vertx.core.buffer.Buffer encoded;
    try {
      encoded = Json.encode(body);
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
        .end(encoded);
  }

  /** A page as a JSON array, with the {@code Link} header to the next page when there is one. */
  static void page(RoutingContext ctx, Paging paging, Page<?> page) {
    paging.link(ctx, page);
    json(ctx, 200, page.items());
  }
}
