package dev.pulse.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Names each route by its template ({@code POST /services/:name/...}) and records, as a request
 * enters a route, which template it matched: the access log and the HTTP metrics label requests by
 * template, never by raw path (paths carry ids, which would make unbounded series).
 */
final class RouteTemplates {

  static final String KEY = "pulse.route";
  /** The template of a request no route matched (404, 405). */
  static final String UNMATCHED = "unmatched";

  private RouteTemplates() {
  }

  /** Names {@code route} after its method and path. */
  static Route named(Route route) {
    return named(route, route.methods().iterator().next() + " " + route.getPath());
  }

  /** Names {@code route} (e.g. one declared by a regular expression) {@code template}. */
  static Route named(Route route, String template) {
    return route.setName(template).handler(ctx -> {
      enter(ctx, template);
      ctx.next();
    });
  }

  /** Records that the request is served by the route {@code template} (for a route matched by hand). */
  static void enter(RoutingContext ctx, String template) {
    ctx.put(KEY, template);
  }

  static String of(RoutingContext ctx) {
    String template = ctx.get(KEY);
    return template == null ? UNMATCHED : template;
  }
}
