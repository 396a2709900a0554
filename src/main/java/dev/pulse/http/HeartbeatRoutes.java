package dev.pulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.discovery.DiscoveryClient;
import dev.pulse.OrderKey;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The heartbeat registry's routes, paths exactly as the original spec:
 * {@code POST /:group/:id}, {@code DELETE /:group/:id}, {@code GET /}, {@code GET /:group}, plus
 * {@code GET /:group/:id}. Path segments are matched as {@code [^/]*} so that an empty group or id
 * is a 400 naming it rather than a 404.
 */
public final class HeartbeatRoutes {

  private static final String INSTANCE_PATH = "^/(?<group>[^/]*)/(?<id>[^/]*)$";
  /** As {@link #INSTANCE_PATH} with a non-empty id, so that {@code GET /group/} lists the group. */
  private static final String INSTANCE_READ_PATH = "^/(?<group>[^/]*)/(?<id>[^/]+)$";
  private static final String GROUP_PATH = "^/(?<group>[^/]+)/?$";

  private final DiscoveryClient discovery;
  private final int maxBodyBytes;

  public HeartbeatRoutes(DiscoveryClient discovery, int maxBodyBytes) {
    this.discovery = discovery;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * A group segment that is not one of the reserved first segments: the fast path's routes use it,
   * so that they can be mounted before every other domain's routes and a heartbeat is matched by
   * the first route it meets instead of being tried against all of theirs.
   */
  private static final String UNRESERVED = "(?!(?:" + String.join("|", new java.util.TreeSet<>(Ids.RESERVED_SEGMENTS))
      + ")(?:/|$))";

  /**
   * Mounts the hot routes (heartbeat, deregister, read an instance or a group) for groups that are
   * not reserved segments; call before the other domains' routes. {@link #mount} still serves
   * everything else these routes would (reserved segments, empty segments) with the same handlers.
   */
  public void mountFastPath(Router router) {
    mountInstanceRoutes(router, UNRESERVED);
  }

  /** Mounts the routes; call after every other domain's routes, since these match any first segment. */
  public void mount(Router router) {
    RouteTemplates.named(router.get("/")).handler(this::listGroups);
    mountInstanceRoutes(router, "");
    RouteTemplates.named(router.postWithRegex(GROUP_PATH), "POST /:group").handler(HeartbeatRoutes::missingSegment);
    RouteTemplates.named(router.deleteWithRegex(GROUP_PATH), "DELETE /:group").handler(HeartbeatRoutes::missingSegment);
    RouteTemplates.named(router.post("/")).handler(HeartbeatRoutes::missingSegment);
    RouteTemplates.named(router.delete("/")).handler(HeartbeatRoutes::missingSegment);
  }

  /** The four hot routes, their group segment first checked by {@code groupGuard} (a lookahead, or none). */
  private void mountInstanceRoutes(Router router, String groupGuard) {
    String instance = "^/" + groupGuard + INSTANCE_PATH.substring(2);
    RouteTemplates.named(router.postWithRegex(instance), "POST /:group/:id").handler(new RawBodyHandler(maxBodyBytes))
        .handler(this::heartbeat);
    RouteTemplates.named(router.deleteWithRegex(instance), "DELETE /:group/:id").handler(this::deregister);
    RouteTemplates.named(router.getWithRegex("^/" + groupGuard + INSTANCE_READ_PATH.substring(2)), "GET /:group/:id")
        .handler(this::instance);
    RouteTemplates.named(router.getWithRegex("^/" + groupGuard + GROUP_PATH.substring(2)), "GET /:group")
        .handler(this::listInstances);
  }

  private void heartbeat(RoutingContext ctx) {
    String group = Ids.requireGroup(ctx.pathParam("group"));
    String id = Ids.require("id", ctx.pathParam("id"));
    String meta = metaFrom(RawBodyHandler.body(ctx));
    discovery.heartbeat(group, id, meta)
        .onSuccess(result -> Responses.json(ctx, result.created() ? 201 : 200, result.instance()))
        .onFailure(ctx::fail);
  }

  /**
   * {@code POST|DELETE /group} (no id), {@code //id} (no group; the router sees the normalised
   * path {@code /id}) or a path the router normalised away ({@code /g/..}): a 400 naming the
   * offending segment of the raw path.
   */
  private static void missingSegment(RoutingContext ctx) {
    String[] segments = ctx.request().path().split("/", -1);
    Ids.requireGroup(segments.length > 1 ? decoded(segments[1]) : "");
    Ids.require("id", segments.length > 2 ? decoded(segments[2]) : "");
    ctx.next();
  }

  private static String decoded(String segment) {
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private void deregister(RoutingContext ctx) {
    String group = Ids.requireGroup(ctx.pathParam("group"));
    String id = Ids.require("id", ctx.pathParam("id"));
    discovery.deregister(group, id)
        .onSuccess(removed -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void instance(RoutingContext ctx) {
    String group = Ids.requireGroup(ctx.pathParam("group"));
    String id = Ids.require("id", ctx.pathParam("id"));
    discovery.instance(group, id)
        .onSuccess(instance -> Responses.json(ctx, 200, instance))
        .onFailure(ctx::fail);
  }

  private void listGroups(RoutingContext ctx) {
    Paging paging = Paging.from(ctx, 0, Ids::isValid);
    discovery.groups(paging.after(), paging.limit())
        .onSuccess(page -> Responses.page(ctx, paging, page))
        .onFailure(ctx::fail);
  }

  private void listInstances(RoutingContext ctx) {
    String group = Ids.requireGroup(ctx.pathParam("group"));
    Paging paging = Paging.from(ctx, 0, OrderKey::isValid);
    discovery.instances(group, paging.after(), paging.limit())
        .onSuccess(page -> Responses.page(ctx, paging, page))
        .onFailure(ctx::fail);
  }

  /**
   * The heartbeat body: none (or blanks) keeps the stored meta; otherwise a JSON object whose
   * {@code meta}, when present, must be an object and replaces the stored meta. Other keys are
   * ignored. Read as JSON whatever the content type, since {@code curl -d} sends a form type.
   */
  static String metaFrom(Buffer body) {
    JsonNode root = Json.objectBody(body);
    JsonNode meta = root == null ? null : root.get("meta");
    if (meta == null) {
      return null;
    }
    if (!meta.isObject()) {
      throw ProblemException.badRequest("INVALID_FIELD", "meta", "meta must be a JSON object, got " + Json.kind(meta));
    }
    return Json.compact(meta);
  }
}
