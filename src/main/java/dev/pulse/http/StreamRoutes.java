package dev.pulse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.streams.Admission;
import dev.pulse.streams.Lease;
import dev.pulse.streams.StreamsClient;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Stream limits: {@code /users/:userId/streams…} and {@code /users/:userId/stream-limit}.
 * A start is admitted (201), a retry of an active stream renews it (200), a start over the limit
 * is a 403 {@code STREAM_LIMIT_REACHED} listing the streams that hold the slots.
 */
public final class StreamRoutes {

  /** Longest {@code contentId} / {@code deviceId} accepted. */
  static final int MAX_LABEL_LENGTH = 256;
  static final int MAX_LIMIT = 100;

  private final StreamsClient streams;
  private final int maxBodyBytes;

  public StreamRoutes(StreamsClient streams, int maxBodyBytes) {
    this.streams = streams;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void mount(Vertx vertx, Router router) {
    SegmentRoutes users = SegmentRoutes.mount(vertx, router, "users");
    users.post("/users/:userId/streams").handler(new RawBodyHandler(maxBodyBytes)).handler(this::start);
    users.get("/users/:userId/streams").handler(this::list);
    users.post("/users/:userId/streams/:streamId/heartbeat").handler(this::heartbeat);
    users.delete("/users/:userId/streams/:streamId").handler(this::stop);
    users.get("/users/:userId/stream-limit").handler(this::limit);
    users.put("/users/:userId/stream-limit").handler(new RawBodyHandler(maxBodyBytes)).handler(this::setLimit);
    users.delete("/users/:userId/stream-limit").handler(this::resetLimit);
  }

  private void start(RoutingContext ctx) {
    String userId = Ids.require("userId", ctx.pathParam("userId"));
    JsonNode body = Json.objectBody(RawBodyHandler.body(ctx));
    String streamId = optionalString(body, "streamId", Ids.MAX_LENGTH);
    streamId = streamId == null ? UUID.randomUUID().toString() : Ids.require("streamId", streamId);
    String contentId = optionalString(body, "contentId", MAX_LABEL_LENGTH);
    String deviceId = optionalString(body, "deviceId", MAX_LABEL_LENGTH);
    streams.acquire(userId, streamId, contentId, deviceId)
        .onSuccess(admission -> renderAdmission(ctx, admission))
        .onFailure(ctx::fail);
  }

  private void heartbeat(RoutingContext ctx) {
    String userId = Ids.require("userId", ctx.pathParam("userId"));
    String streamId = Ids.require("streamId", ctx.pathParam("streamId"));
    streams.renew(userId, streamId)
        .onSuccess(lease -> Responses.json(ctx, 200, lease))
        .onFailure(ctx::fail);
  }

  private void stop(RoutingContext ctx) {
    String userId = Ids.require("userId", ctx.pathParam("userId"));
    String streamId = Ids.require("streamId", ctx.pathParam("streamId"));
    streams.release(userId, streamId)
        .onSuccess(released -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    String userId = Ids.require("userId", ctx.pathParam("userId"));
    streams.streams(userId)
        .onSuccess(active -> Responses.json(ctx, 200, active))
        .onFailure(ctx::fail);
  }

  private void limit(RoutingContext ctx) {
    String userId = Ids.require("userId", ctx.pathParam("userId"));
    streams.limit(userId)
        .onSuccess(limit -> Responses.json(ctx, 200, limit))
        .onFailure(ctx::fail);
  }

  private void setLimit(RoutingContext ctx) {
    String userId = Ids.require("userId", ctx.pathParam("userId"));
    JsonNode body = Json.objectBody(RawBodyHandler.body(ctx));
    JsonNode limit = body == null ? null : body.get("limit");
    if (limit == null) {
      throw ProblemException.badRequest("INVALID_FIELD", "limit", "limit is required, e.g. {\"limit\": 5}");
    }
    if (!limit.isIntegralNumber() || !limit.canConvertToInt() || limit.intValue() < 0 || limit.intValue() > MAX_LIMIT) {
      throw ProblemException.badRequest("INVALID_FIELD", "limit",
          "limit must be a whole number from 0 to " + MAX_LIMIT + ", got " + limit);
    }
    streams.setLimit(userId, limit.intValue())
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  private void resetLimit(RoutingContext ctx) {
    String userId = Ids.require("userId", ctx.pathParam("userId"));
    streams.setLimit(userId, null)
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  private static void renderAdmission(RoutingContext ctx, Admission admission) {
    if (admission.outcome() == Admission.Outcome.REFUSED) {
      Map<String, Object> extensions = new LinkedHashMap<>();
      extensions.put("limit", admission.limit());
      extensions.put("active", admission.active());
      extensions.put("streams", admission.holders());
      ctx.fail(new ProblemException(403, "STREAM_LIMIT_REACHED", null,
          "user '" + ctx.pathParam("userId") + "' already has " + admission.active()
              + " active streams, the limit is " + admission.limit() + "; stop one to start another",
          extensions));
      return;
    }
    Lease lease = admission.lease();
    Responses.json(ctx, admission.outcome() == Admission.Outcome.ADMITTED ? 201 : 200,
        new Admitted(lease.userId(), lease.streamId(), lease.contentId(), lease.deviceId(), lease.startedAt(),
            lease.expiresAt(), admission.active(), admission.limit(), admission.degraded()));
  }

  /** The body of 201/200: the lease, the user's active count (this stream included) and limit. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Admitted(String userId, String streamId, String contentId, String deviceId, long startedAt,
      long expiresAt, int active, int limit, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean degraded) {
  }

  /** A string member of the body, or null when absent; a 400 naming it when not a string or too long. */
  private static String optionalString(JsonNode body, String field, int maxLength) {
    JsonNode value = body == null ? null : body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ProblemException.badRequest("INVALID_FIELD", field, field + " must be a string, got " + Json.kind(value));
    }
    if (value.textValue().length() > maxLength) {
      throw ProblemException.badRequest("INVALID_FIELD", field,
          field + " must be at most " + maxLength + " characters, got " + value.textValue().length());
    }
    return value.textValue();
  }
}
