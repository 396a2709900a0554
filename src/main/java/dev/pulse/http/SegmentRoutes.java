package dev.pulse.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * The routes under one reserved first path segment ({@code /alerts}, {@code /users}, …), in a
 * sub-router of their own mounted at that segment. vertx-web tries a request against every route in
 * turn, and a route with path parameters is a regular expression that it runs before it looks at the
 * method: mounted side by side, a stream start was tried against the dozen path templates of the
 * domains mounted before it. Here a request is tried against its own segment's routes only, after a
 * string prefix check per segment. A request none of them answers goes on to the routes mounted after
 * the sub-router, with the 404 or 405 it met, as if the routes were mounted directly.
 *
 * <p>Routes are declared by their full paths and named by them ({@link RouteTemplates}).
 */
final class SegmentRoutes {

  private final String prefix;
  private final Router routes;

  private SegmentRoutes(String prefix, Router routes) {
    this.prefix = prefix;
    this.routes = routes;
  }

  /**
   * The sub-router for the paths {@code /segment} and {@code /segment/…}, mounted on {@code router}.
   * Mounted at {@code /segment*}: vertx-web's {@code /segment/*} would not take {@code /segment}
   * itself. A path that only starts with the segment ({@code /segmentX/…}, a heartbeat group) finds
   * no route inside and goes on.
   */
  static SegmentRoutes mount(Vertx vertx, Router router, String segment) {
    SegmentRoutes segmentRoutes = new SegmentRoutes("/" + segment, Router.router(vertx));
    router.route(segmentRoutes.prefix + "*").subRouter(segmentRoutes.routes);
    return segmentRoutes;
  }

  Route get(String path) {
    return route(HttpMethod.GET, path);
  }

  Route post(String path) {
    return route(HttpMethod.POST, path);
  }

  Route put(String path) {
    return route(HttpMethod.PUT, path);
  }

  Route delete(String path) {
    return route(HttpMethod.DELETE, path);
  }

  /** {@code method} on {@code path}, a full path under this segment, named {@code "METHOD path"}. */
  private Route route(HttpMethod method, String path) {
    if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
      throw new IllegalArgumentException(path + " is not under " + prefix);
    }
    String relative = path.length() == prefix.length() ? "/" : path.substring(prefix.length());
    return RouteTemplates.named(routes.route(method, relative), method.name() + " " + path);
  }
}
