package dev.pulse.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The dashboard at {@code /ui/}: plain HTML, CSS and ES modules packaged in the jar
 * ({@code webroot/ui}), and the chart library from its WebJar at {@code /ui/lib/uplot/}. The
 * page's own files are revalidated on each load ({@code no-cache} with {@code Last-Modified}), so
 * an upgraded Pulse serves its new page at once; the library is cached for a day.
 */
final class UiRoutes {

  static final String UPLOT_WEBJAR = "META-INF/resources/webjars/uplot/";
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

  void mount(Router router) {
    // Vert.x matches "/ui" and "/ui/" alike: only the former is redirected.
    RouteTemplates.named(router.get("/ui"), "GET /ui").handler(ctx -> {
      if (ctx.request().path().equals("/ui")) {
        ctx.redirect("/ui/");
      } else {
        ctx.next();
      }
    });
    RouteTemplates.named(router.get("/ui/lib/uplot/*"), "GET /ui/lib/uplot/*")
        .handler(UiRoutes::securityHeaders)
        .handler(ctx -> cacheControl(ctx, "public, max-age=86400"))
        .handler(StaticHandler.create(UPLOT_WEBJAR + uplotVersion() + "/dist").setDirectoryListing(false))
        .handler(UiRoutes::notFound);
    RouteTemplates.named(router.get("/ui/*"), "GET /ui/*")
        .handler(UiRoutes::securityHeaders)
        .handler(ctx -> cacheControl(ctx, "no-cache"))
        .handler(StaticHandler.create("webroot/ui").setIndexPage("index.html").setDirectoryListing(false))
        .handler(UiRoutes::notFound);
  }

  /** Replaces the static handler's Cache-Control on successful answers. */
  private static void cacheControl(RoutingContext ctx, String value) {
    ctx.addHeadersEndHandler(ignored -> {
      if (ctx.response().getStatusCode() < 300) {
        ctx.response().headers().set("Cache-Control", value);
      }
    });
    ctx.next();
  }

  /** A file the dashboard does not have: 404, not the heartbeat routes' "reserved group". */
  private static void notFound(RoutingContext ctx) {
    ctx.fail(new ProblemException(404, "NOT_FOUND", null, "the dashboard has no file " + ctx.request().path()));
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response().headers()
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.next();
  }

  /** The version of the uPlot WebJar on the class path, read from its Maven metadata. */
  static String uplotVersion() {
    try (InputStream in = UiRoutes.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the uPlot WebJar is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
