package dev.pulse.http;

import dev.pulse.Page;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON success responses. */
final class Responses {

  private Responses() {
  }

  static void json(RoutingContext ctx, int status, Object body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Json.encode(body));
  }

  /** A page as a JSON array, with the {@code Link} header to the next page when there is one. */
  static void page(RoutingContext ctx, Paging paging, Page<?> page) {
    paging.link(ctx, page);
    json(ctx, 200, page.items());
  }
}
