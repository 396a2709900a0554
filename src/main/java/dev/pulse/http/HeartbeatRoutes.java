package dev.pulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.discovery.DiscoveryClient;
import dev.pulse.OrderKey;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.net.RFC3986;
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
  private static final String POST_INSTANCE = "POST /:group/:id";
  private static final String DELETE_INSTANCE = "DELETE /:group/:id";
  private static final String GET_INSTANCE = "GET /:group/:id";
  private static final String GET_GROUP = "GET /:group";

  private final DiscoveryClient discovery;
  private final int maxBodyBytes;

  public HeartbeatRoutes(DiscoveryClient discovery, int maxBodyBytes) {
    this.discovery = discovery;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Mounts the hot routes (heartbeat, deregister, read an instance or a group) for groups that are
   * not reserved segments; call before the other domains' routes. They are matched by hand, not by
   * vertx-web's patterns: a pattern costs a matcher, and each path parameter a decoding, a map entry
   * and a request parameter (a seventh of the Java time of a heartbeat in a profile, and a quarter of
   * the bytes it allocated). A request they do not take (another method or shape, a reserved first
   * segment, a segment or a query string whose escapes do not decode) goes on to the routes mounted
   * after, so that {@link #mount} serves it exactly as it serves reserved and empty segments.
   */
  public void mountFastPath(Router router) {
    RawBodyHandler bodies = new RawBodyHandler(maxBodyBytes);
    router.route().handler(ctx -> fastPath(ctx, bodies));
  }

  /** Mounts the routes; call after every other domain's routes, since these match any first segment. */
  public void mount(Router router) {
    RouteTemplates.named(router.get("/")).handler(this::listGroups);
    RouteTemplates.named(router.postWithRegex(INSTANCE_PATH), POST_INSTANCE).handler(new RawBodyHandler(maxBodyBytes))
        .handler(ctx -> heartbeat(ctx, ctx.pathParam("group"), ctx.pathParam("id"), RawBodyHandler.body(ctx)));
    RouteTemplates.named(router.deleteWithRegex(INSTANCE_PATH), DELETE_INSTANCE)
        .handler(ctx -> deregister(ctx, ctx.pathParam("group"), ctx.pathParam("id")));
    RouteTemplates.named(router.getWithRegex(INSTANCE_READ_PATH), GET_INSTANCE)
        .handler(ctx -> instance(ctx, ctx.pathParam("group"), ctx.pathParam("id")));
    RouteTemplates.named(router.getWithRegex(GROUP_PATH), GET_GROUP)
        .handler(ctx -> listInstances(ctx, ctx.pathParam("group")));
    RouteTemplates.named(router.postWithRegex(GROUP_PATH), "POST /:group").handler(HeartbeatRoutes::missingSegment);
    RouteTemplates.named(router.deleteWithRegex(GROUP_PATH), "DELETE /:group").handler(HeartbeatRoutes::missingSegment);
    RouteTemplates.named(router.post("/")).handler(HeartbeatRoutes::missingSegment);
    RouteTemplates.named(router.delete("/")).handler(HeartbeatRoutes::missingSegment);
  }

  /**
   * The four hot routes of {@link #mount} for a first segment that is not reserved, matched as their
   * patterns match the normalised path: {@code /group/id} ({@code [^/]*} each) for POST and DELETE,
   * the same with a non-empty id for GET, and {@code /group} or {@code /group/} (non-empty group)
   * for GET. Segments are decoded as vertx-web decodes path parameters.
   */
  private void fastPath(RoutingContext ctx, RawBodyHandler bodies) {
    String path = ctx.normalizedPath();
    int slash = path.indexOf('/', 1);
    String rawGroup = slash < 0 ? path.substring(1) : path.substring(1, slash);
    // Every other domain's request passes here first: it goes on after one set lookup.
    if (Ids.RESERVED_SEGMENTS.contains(rawGroup)) {
      ctx.next();
      return;
    }
    String rawId = slash < 0 ? null : path.substring(slash + 1);
    String template = template(ctx.request().method(), rawGroup, rawId);
    if (template == null) {
      ctx.next();
      return;
    }
    String group;
    String id;
    try {
      group = RFC3986.decodeURIComponent(rawGroup, false);
      id = rawId == null ? null : RFC3986.decodeURIComponent(rawId, false);
      if (ctx.request().query() != null) {
        // vertx-web decodes the query string when it sets path parameters; one that does not
        // decode is then its 400 MALFORMED_REQUEST, which the routes after give.
        ctx.request().params();
      }
    } catch (IllegalArgumentException malformed) {
      ctx.next();
      return;
    }
    RouteTemplates.enter(ctx, template);
    switch (template) {
      case GET_INSTANCE -> instance(ctx, group, id);
      case GET_GROUP -> listInstances(ctx, group);
      case DELETE_INSTANCE -> deregister(ctx, group, id);
      default -> bodies.read(ctx, body -> heartbeat(ctx, group, id, body));
    }
  }

  /** Which of the four hot routes {@code method} on {@code /rawGroup[/rawId]} is, or null for none. */
  private static String template(HttpMethod method, String rawGroup, String rawId) {
    boolean instancePath = rawId != null && rawId.indexOf('/') < 0;
    if (HttpMethod.GET.equals(method)) {
      if (instancePath && !rawId.isEmpty()) {
        return GET_INSTANCE;
      }
      boolean groupPath = !rawGroup.isEmpty() && (rawId == null || rawId.isEmpty());
      return groupPath ? GET_GROUP : null;
    }
    if (!instancePath) {
      return null;
    }
    return HttpMethod.POST.equals(method) ? POST_INSTANCE : HttpMethod.DELETE.equals(method) ? DELETE_INSTANCE : null;
  }

  private void heartbeat(RoutingContext ctx, String rawGroup, String rawId, Buffer body) {
    String group = Ids.requireGroup(rawGroup);
    String id = Ids.require("id", rawId);
    String meta = metaFrom(body);
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

  private void deregister(RoutingContext ctx, String rawGroup, String rawId) {
    String group = Ids.requireGroup(rawGroup);
    String id = Ids.require("id", rawId);
    discovery.deregister(group, id)
        .onSuccess(removed -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void instance(RoutingContext ctx, String rawGroup, String rawId) {
    String group = Ids.requireGroup(rawGroup);
    String id = Ids.require("id", rawId);
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

  private void listInstances(RoutingContext ctx, String rawGroup) {
    String group = Ids.requireGroup(rawGroup);
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
