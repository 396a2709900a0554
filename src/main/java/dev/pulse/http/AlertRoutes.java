package dev.pulse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.pulse.DomainFailure;
import dev.pulse.OrderKey;
import dev.pulse.alerts.Alert;
import dev.pulse.alerts.AlertEvent;
import dev.pulse.alerts.AlertQuery;
import dev.pulse.alerts.AlertStatus;
import dev.pulse.alerts.AlertsClient;
import dev.pulse.alerts.Timestamp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts: {@code POST /alerts/events} (the emitter's contract, one event or an array),
 * {@code GET /alerts}, {@code GET /alerts/stats}, {@code GET /alerts/:alertId}.
 */
public final class AlertRoutes {

  /** The emitter may send large batches; one request body may be up to 1 MiB. */
  static final int MAX_EVENTS_BODY_BYTES = 1024 * 1024;
  /** Events of one batch ingested at once. */
  static final int BATCH_CHUNK = 32;

  private final AlertsClient alerts;

  public AlertRoutes(AlertsClient alerts) {
    this.alerts = alerts;
  }

  /**
   * The events route on {@code router} itself, matched by its exact path: the emitter's hot path
   * skips the sub-router and its second routing context (a few percent less CPU per event,
   * BENCHMARKS.md). The queries go in the {@code /alerts} sub-router ({@link SegmentRoutes}).
   */
  public void mount(Vertx vertx, Router router) {
    RouteTemplates.named(router.post("/alerts/events")).handler(new RawBodyHandler(MAX_EVENTS_BODY_BYTES))
        .handler(this::ingest);
    SegmentRoutes alerts = SegmentRoutes.mount(vertx, router, "alerts");
    alerts.get("/alerts").handler(this::list);
    alerts.get("/alerts/stats").handler(this::stats);
    alerts.get("/alerts/:alertId").handler(this::get);
  }

  /** One event (read by {@link AlertEventReader} when it is in the common form) or a batch. */
  private void ingest(RoutingContext ctx) {
    Json.Bytes bytes = Json.Bytes.of(RawBodyHandler.body(ctx));
    AlertEvent event = AlertEventReader.read(bytes);
    if (event == null) {
      JsonNode body = Json.parseBody(bytes);
      if (body.isArray()) {
        ingestBatch(body, 0, new ArrayList<>(body.size()))
            .onSuccess(results -> Responses.json(ctx, 200, results))
            .onFailure(ctx::fail);
        return;
      }
      event = AlertEvents.parse(body, "");
    }
    alerts.ingest(event)
        .onSuccess(alert -> Responses.json(ctx, 200, AlertView.of(alert)))
        .onFailure(ctx::fail);
  }

  /** Ingests a batch {@link #BATCH_CHUNK} events at a time, so one large batch cannot flood the store. */
  private Future<List<Object>> ingestBatch(JsonNode events, int from, List<Object> results) {
    if (from >= events.size()) {
      return Future.succeededFuture(results);
    }
    int to = Math.min(from + BATCH_CHUNK, events.size());
    List<Future<Object>> chunk = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      chunk.add(ingestOne(events.get(i), i));
    }
    return Future.join(chunk).transform(done -> {
      chunk.forEach(result -> results.add(result.result()));
      return ingestBatch(events, to, results);
    });
  }

  /** One event of a batch: its result, never a failure, so one bad event does not stop the others. */
  private Future<Object> ingestOne(JsonNode node, int index) {
    AlertEvent event;
    try {
      event = AlertEvents.parse(node, "[" + index + "].");
    } catch (ProblemException problem) {
      return Future.succeededFuture(result(index, 400, null, problem.code(), problem.field(), problem.getMessage()));
    }
    return alerts.ingest(event)
        .<Object>map(alert -> result(index, 200, AlertView.of(alert), null, null, null))
        .otherwise(failure -> {
          DomainFailure refusal = failure instanceof ReplyException reply ? DomainFailure.from(reply)
              : new DomainFailure(500, "INTERNAL_ERROR", failure.getMessage());
          return result(index, refusal.status(), null, refusal.code() == null ? "INTERNAL_ERROR" : refusal.code(),
              null, refusal.detail());
        });
  }

  private static Map<String, Object> result(int index, int status, AlertView alert, String code, String field,
      String detail) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("index", index);
    result.put("status", status);
    if (alert != null) {
      result.put("alert", alert);
    } else {
      result.put("code", code);
      if (field != null) {
        result.put("field", field);
      }
      result.put("detail", detail);
    }
    return result;
  }

  private void list(RoutingContext ctx) {
    Paging paging = Paging.from(ctx, Paging.DEFAULT_LIMIT, OrderKey::isValid);
    alerts.list(query(ctx).withPage(paging.after(), paging.limit()))
        .onSuccess(page -> {
          paging.link(ctx, page);
          Responses.json(ctx, 200, page.items().stream().map(AlertView::of).toList());
        })
        .onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    alerts.stats(query(ctx))
        .onSuccess(stats -> Responses.json(ctx, 200, stats))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String alertId = Ids.require("alertId", ctx.pathParam("alertId"));
    alerts.get(alertId)
        .onSuccess(alert -> Responses.json(ctx, 200, AlertView.of(alert)))
        .onFailure(ctx::fail);
  }

  /** The filters of {@code GET /alerts} and {@code GET /alerts/stats}. */
  private static AlertQuery query(RoutingContext ctx) {
    Set<AlertStatus> statuses = EnumSet.noneOf(AlertStatus.class);
    for (String status : ctx.queryParam("status")) {
      try {
        statuses.add(AlertStatus.valueOf(status));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("INVALID_QUERY", "status",
            "status must be TRIGGERED, ACKNOWLEDGED or RESOLVED, got '" + status + "'");
      }
    }
    return new AlertQuery(text(ctx, "name"), text(ctx, "service.name"), text(ctx, "responder.name"),
        Set.copyOf(statuses), instant(ctx, "since"), instant(ctx, "until"), null, 0);
  }

  private static String text(RoutingContext ctx, String param) {
    String value = ctx.request().getParam(param);
    return value == null || value.isEmpty() ? null : value;
  }

  private static Long instant(RoutingContext ctx, String param) {
    String value = ctx.request().getParam(param);
    if (value == null) {
      return null;
    }
    Timestamp parsed = Timestamp.parse(value);
    if (parsed == null) {
      throw ProblemException.badRequest("INVALID_QUERY", param, param + " must be an ISO-8601 date-time with a "
          + "zone between the years 1970 and 9999, e.g. 2026-11-22T16:15:57.694Z, got '" + value + "'");
    }
    return parsed.epochMillis();
  }

  /**
   * An alert as the API shows it: timestamps as sent, absent when unknown. It writes itself, field by
   * field in the order of its components and without the absent ones: what Jackson's serializer for
   * records wrote, through reflection that was half of the answer's encoding time (JFR, 2026-12-05).
   */
  public record AlertView(String alertId, String name, AlertStatus status, AlertStatus reportedStatus,
      Responder responder, Service service, String triggeredOn, String acknowledgedOn, String resolvedOn,
      Long timeToAcknowledgeMs, Long timeToResolveMs) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartObject();
      field(json, "alertId", alertId);
      field(json, "name", name);
      field(json, "status", status == null ? null : status.name());
      field(json, "reportedStatus", reportedStatus == null ? null : reportedStatus.name());
      if (responder != null) {
        json.writeObjectFieldStart("responder");
        field(json, "userId", responder.userId());
        field(json, "name", responder.name());
        json.writeEndObject();
      }
      if (service != null) {
        json.writeObjectFieldStart("service");
        field(json, "serviceId", service.serviceId());
        field(json, "name", service.name());
        json.writeEndObject();
      }
      field(json, "triggeredOn", triggeredOn);
      field(json, "acknowledgedOn", acknowledgedOn);
      field(json, "resolvedOn", resolvedOn);
      if (timeToAcknowledgeMs != null) {
        json.writeNumberField("timeToAcknowledgeMs", timeToAcknowledgeMs);
      }
      if (timeToResolveMs != null) {
        json.writeNumberField("timeToResolveMs", timeToResolveMs);
      }
      json.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
        throws IOException {
      serialize(json, provider);
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
      if (value != null) {
        json.writeStringField(name, value);
      }
    }

    public static AlertView of(Alert alert) {
      AlertEvent.Party responder = alert.responder();
      AlertEvent.Party service = alert.service();
      return new AlertView(alert.alertId(), alert.name(), alert.status(), alert.reportedStatus(),
          responder == null ? null : new Responder(responder.id(), responder.name()),
          service == null ? null : new Service(service.id(), service.name()), alert.triggeredOn().text(),
          alert.acknowledgedOn() == null ? null : alert.acknowledgedOn().text(),
          alert.resolvedOn() == null ? null : alert.resolvedOn().text(),
          alert.timeToAcknowledgeMs(), alert.timeToResolveMs());
    }
  }

  /** An alert's responder as the API shows it; a part the emitter left out is absent. */
  public record Responder(String userId, String name) {
  }

  /** An alert's service as the API shows it; a part the emitter left out is absent. */
  public record Service(String serviceId, String name) {
  }
}
