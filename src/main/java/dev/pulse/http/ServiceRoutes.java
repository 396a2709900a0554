package dev.pulse.http;

import dev.pulse.services.InstanceFilter;
import dev.pulse.services.InstanceStatus;
import dev.pulse.services.Registration;
import dev.pulse.services.Removal;
import dev.pulse.services.Service;
import dev.pulse.services.ServiceInstance;
import dev.pulse.services.Services;
import dev.pulse.services.ServicesClient;
import dev.pulse.services.VersionRange;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service registry: {@code /services…} and {@code GET /discovery/metrics}. Writes take an
 * optional {@code If-Match: "<revision>"} (412 {@code PRECONDITION_FAILED} when it is stale);
 * {@code GET /services/:name} answers the service's revision as its {@code ETag}.
 */
public final class ServiceRoutes {

  private static final Set<String> FILTERS = Set.of("status", "version");
  private static final String META = "meta.";

  private final ServicesClient services;
  private final int maxBodyBytes;

  public ServiceRoutes(ServicesClient services, int maxBodyBytes) {
    this.services = services;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void mount(Vertx vertx, Router router) {
    SegmentRoutes services = SegmentRoutes.mount(vertx, router, "services");
    services.post("/services").handler(new RawBodyHandler(maxBodyBytes)).handler(this::register);
    services.get("/services").handler(this::list);
    services.get("/services/:name").handler(this::service);
    services.delete("/services/:name").handler(this::removeService);
    services.get("/services/:name/health").handler(this::health);
    services.get("/services/:name/instances").handler(this::instances);
    services.delete("/services/:name/instances/:id").handler(this::removeInstance);
    services.get("/services/:name/resolve").handler(this::resolve);
    RouteTemplates.named(router.get("/discovery/metrics")).handler(this::metrics);
  }

  private void register(RoutingContext ctx) {
    var definition = ServiceDefinitions.parse(Json.objectBody(RawBodyHandler.body(ctx)));
    Long ifMatch = ifMatch(ctx);
    services.register(definition, ifMatch).map(registration -> {
      if (registration.outcome() == Registration.Outcome.PRECONDITION_FAILED) {
        throw preconditionFailed("service '" + definition.name() + "'", ifMatch, registration.currentRevision());
      }
      Service service = registration.service();
      ctx.response().putHeader("ETag", etag(service.revision()));
      if (registration.outcome() == Registration.Outcome.CREATED) {
        ctx.response().putHeader("Location", "/services/" + service.name());
      }
      return new Rendered(registration.outcome() == Registration.Outcome.CREATED ? 201 : 200, view(service));
    }).onSuccess(rendered -> rendered.send(ctx)).onFailure(ctx::fail);
  }

  /**
   * A response worked out inside {@code Future.map}, so that a failure while building it fails the
   * request (a problem response) instead of escaping the handler and leaving the client waiting.
   */
  private record Rendered(int status, Object body) {
    void send(RoutingContext ctx) {
      Responses.json(ctx, status, body);
    }
  }

  private void list(RoutingContext ctx) {
    QueryParams.only(ctx, Set.of("limit", "cursor"));
    Paging paging = Paging.from(ctx, Paging.DEFAULT_LIMIT, Ids::isValid);
    services.services(paging.after(), paging.limit())
        .onSuccess(page -> Responses.page(ctx, paging, page))
        .onFailure(ctx::fail);
  }

  private void service(RoutingContext ctx) {
    String name = Ids.require("name", ctx.pathParam("name"));
    services.service(name).map(service -> {
      ctx.response().putHeader("ETag", etag(service.revision()));
      return new Rendered(200, view(service));
    }).onSuccess(rendered -> rendered.send(ctx)).onFailure(ctx::fail);
  }

  private void health(RoutingContext ctx) {
    String name = Ids.require("name", ctx.pathParam("name"));
    services.service(name)
        .map(service -> service.instances().stream().map(ServiceInstance::health).toList())
        .onSuccess(health -> Responses.json(ctx, 200, health))
        .onFailure(ctx::fail);
  }

  private void removeService(RoutingContext ctx) {
    String name = Ids.require("name", ctx.pathParam("name"));
    Long ifMatch = ifMatch(ctx);
    services.removeService(name, ifMatch)
        .map(removal -> removed(removal, "service '" + name + "'", ifMatch,
            "no service named '" + name + "' is registered", "SERVICE_NOT_FOUND"))
        .onSuccess(removed -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void removeInstance(RoutingContext ctx) {
    String name = Ids.require("name", ctx.pathParam("name"));
    String id = Ids.require("id", ctx.pathParam("id"));
    Long ifMatch = ifMatch(ctx);
    services.removeInstance(name, id, ifMatch)
        .map(removal -> removed(removal, "instance '" + id + "'", ifMatch,
            "service '" + name + "' has no instance '" + id + "'", "INSTANCE_NOT_FOUND"))
        .onSuccess(removed -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** True when removed; a 404 or 412 problem otherwise. */
  private static boolean removed(Removal removal, String what, Long ifMatch, String notFound, String notFoundCode) {
    return switch (removal.outcome()) {
      case REMOVED -> true;
      case NOT_FOUND -> throw new ProblemException(404, notFoundCode, null, notFound);
      case PRECONDITION_FAILED -> throw preconditionFailed(what, ifMatch, removal.currentRevision());
    };
  }

  private void instances(RoutingContext ctx) {
    String name = Ids.require("name", ctx.pathParam("name"));
    InstanceFilter filter = filter(ctx, Set.of());
    services.instances(name, filter)
        .onSuccess(instances -> Responses.json(ctx, 200, instances))
        .onFailure(ctx::fail);
  }

  private void resolve(RoutingContext ctx) {
    String name = Ids.require("name", ctx.pathParam("name"));
    InstanceFilter filter = filter(ctx, Set.of("strategy"));
    String strategyParam = ctx.request().getParam("strategy", "round-robin");
    Services.Strategy strategy = switch (strategyParam) {
      case "round-robin" -> Services.Strategy.ROUND_ROBIN;
      case "random" -> Services.Strategy.RANDOM;
      default -> throw ProblemException.badRequest("INVALID_QUERY", "strategy",
          "strategy must be 'round-robin' or 'random', got '" + strategyParam + "'");
    };
    services.resolve(name, filter, strategy)
        .onSuccess(instance -> Responses.json(ctx, 200, instance))
        .onFailure(ctx::fail);
  }

  private void metrics(RoutingContext ctx) {
    services.metrics()
        .onSuccess(metrics -> Responses.json(ctx, 200, metrics))
        .onFailure(ctx::fail);
  }

  /** {@code status=}, {@code version=} and {@code meta.<key>=}; any other parameter but {@code extra} is a 400. */
  private static InstanceFilter filter(RoutingContext ctx, Set<String> extra) {
    String status = null;
    VersionRange version = null;
    Map<String, String> meta = new HashMap<>();
    for (String param : ctx.queryParams().names()) {
      String value = ctx.queryParams().get(param);
      if (param.equals("status")) {
        if (!InstanceStatus.ALL.contains(value)) {
          throw ProblemException.badRequest("INVALID_QUERY", "status",
              "status must be one of " + InstanceStatus.ALL + ", got '" + value + "'");
        }
        status = value;
      } else if (param.equals("version")) {
        try {
          version = VersionRange.parse(value);
        } catch (IllegalArgumentException e) {
          throw ProblemException.badRequest("INVALID_QUERY", "version",
              "version must be a version or a semver range such as ^1.2, ~1.2.3 or >=1.0 <2: " + e.getMessage());
        }
      } else if (param.startsWith(META) && param.length() > META.length()) {
        meta.put(param.substring(META.length()), value);
      } else if (!extra.contains(param)) {
        throw QueryParams.unknown(param, "status, version, meta.<key>" + (extra.isEmpty() ? "" : ", " + String.join(", ", extra)));
      }
    }
    return new InstanceFilter(status, version, meta);
  }

  /** The revision in {@code If-Match} ({@code "3"} or {@code 3}), or null when the header is absent. */
  private static Long ifMatch(RoutingContext ctx) {
    String header = ctx.request().getHeader("If-Match");
    if (header == null) {
      return null;
    }
    String tag = header.trim();
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    if (!tag.matches("\\d{1,18}")) {
      throw ProblemException.badRequest("INVALID_HEADER", "If-Match",
          "If-Match must be a revision as given in ETag, e.g. \"3\", got '" + header + "'");
    }
    return Long.parseLong(tag);
  }

  private static String etag(long revision) {
    return "\"" + revision + "\"";
  }

  private static ProblemException preconditionFailed(String what, Long ifMatch, long current) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("currentRevision", current);
    return new ProblemException(412, "PRECONDITION_FAILED", "If-Match",
        what + (current == 0 ? " does not exist" : " is at revision " + current)
            + ", not the revision " + ifMatch + " named by If-Match; read it again and retry", extensions);
  }

  /** The body of {@code GET /services/:name} and of a registration. */
  private static Map<String, Object> view(Service service) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", service.name());
    body.put("revision", service.revision());
    body.put("versions", service.versions());
    body.put("instances", service.instances());
    return body;
  }

}
