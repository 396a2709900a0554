package dev.pulse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.readings.DeviceSummary;
import dev.pulse.readings.Reading;
import dev.pulse.readings.ReadingStore.Outcome;
import dev.pulse.readings.ReadingTime;
import dev.pulse.readings.Readings;
import dev.pulse.readings.ReadingsClient;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Device readings, paths and shapes of the original API: {@code POST /ingest},
 * {@code GET /devices/:id}, {@code …/latest_timestamp}, {@code …/cumulative_count}; and beyond it
 * {@code GET /devices/:id/readings} and {@code GET /devices}.
 */
public final class ReadingRoutes {

  static final int MAX_READINGS = 10_000;
  /** Room for {@link #MAX_READINGS} readings with long timestamps. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final ReadingsClient readings;
  private final long retentionMs;

  public ReadingRoutes(ReadingsClient readings, long retentionMs) {
    this.readings = readings;
    this.retentionMs = retentionMs;
  }

  public void mount(Vertx vertx, Router router) {
    RouteTemplates.named(router.post("/ingest")).handler(new RawBodyHandler(MAX_BODY_BYTES)).handler(this::ingest);
    SegmentRoutes devices = SegmentRoutes.mount(vertx, router, "devices");
    devices.get("/devices").handler(this::devices);
    devices.get("/devices/:id").handler(this::device);
    devices.get("/devices/:id/latest_timestamp").handler(this::latestTimestamp);
    devices.get("/devices/:id/cumulative_count").handler(this::cumulativeCount);
    devices.get("/devices/:id/readings").handler(this::range);
  }

  /** One entry of the ingest answer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(String id, String timestamp, int status, boolean success, String error) {
  }

  private void ingest(RoutingContext ctx) {
    JsonNode body = Json.objectBody(RawBodyHandler.body(ctx));
    if (body == null) {
      throw ProblemException.badRequest("INVALID_BODY", "body", "request body is required: {\"id\", \"readings\"}");
    }
    JsonNode idNode = body.get("id");
    if (idNode == null || !idNode.isTextual()) {
      throw ProblemException.badRequest("INVALID_FIELD", "id", "id (the device id) is required and must be a string");
    }
    String deviceId = Ids.require("id", idNode.textValue());
    JsonNode list = body.get("readings");
    if (list == null || !list.isArray()) {
      throw ProblemException.badRequest("INVALID_FIELD", "readings", "readings is required and must be an array");
    }
    if (list.size() > MAX_READINGS) {
      throw new ProblemException(413, "TOO_MANY_READINGS", "readings",
          "at most " + MAX_READINGS + " readings per request, got " + list.size());
    }
    Result[] results = new Result[list.size()];
    List<Reading> valid = new ArrayList<>(list.size());
    List<Integer> positions = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      JsonNode timestamp = item.isObject() ? item.get("timestamp") : null;
      String sent = timestamp != null && timestamp.isTextual() ? timestamp.textValue() : null;
      ReadingTime time = sent == null ? null : ReadingTime.parse(sent);
      String problem = problem(item, sent, time);
      if (problem != null) {
        results[i] = new Result(deviceId, sent, 400, false, problem);
      } else {
        valid.add(new Reading(time, item.get("count").intValue()));
        positions.add(i);
      }
    }
    if (valid.isEmpty()) {
      respond(ctx, deviceId, results);
      return;
    }
    readings.ingest(deviceId, valid)
        .onSuccess(outcomes -> {
          // Which duplicate repeats an earlier reading of the batch, for its message: only a batch
          // with a duplicate needs the set (sized for the batch, so that it never grows).
          Set<Long> seen = outcomes.contains(Outcome.DUPLICATE) ? new HashSet<>(2 * outcomes.size()) : null;
          for (int n = 0; n < outcomes.size(); n++) {
            Reading reading = valid.get(n);
            String sent = list.get(positions.get(n)).get("timestamp").textValue();
            boolean earlierInBatch = seen != null && !seen.add(reading.time().epochNanos());
            results[positions.get(n)] = result(deviceId, sent, outcomes.get(n), earlierInBatch);
          }
          respond(ctx, deviceId, results);
        })
        .onFailure(ctx::fail);
  }

  private Result result(String deviceId, String sent, Outcome outcome, boolean earlierInBatch) {
    return switch (outcome) {
      case ACCEPTED -> new Result(deviceId, sent, 202, true, null);
      case DUPLICATE -> new Result(deviceId, sent, 409, false, earlierInBatch
          ? "duplicate: a reading for device '" + deviceId + "' at " + sent + " appears earlier in this batch"
          : "duplicate: device '" + deviceId + "' already has a reading at " + sent);
      case TOO_OLD -> new Result(deviceId, sent, 422, false, "the reading at " + sent + " is older than the "
          + "retention window of " + retentionMs + " ms: it can no longer be checked for duplicates");
    };
  }

  private static void respond(RoutingContext ctx, String deviceId, Result[] results) {
    boolean allAccepted = true;
    for (Result result : results) {
      allAccepted &= result.success();
    }
    Responses.json(ctx, allAccepted ? 202 : 207, Map.of("results", List.of(results)));
  }

  /** Why a reading is invalid, or null; {@code time} is {@code sent} parsed (null when it does not parse). */
  private static String problem(JsonNode item, String sent, ReadingTime time) {
    if (!item.isObject()) {
      return "a reading must be an object {\"timestamp\", \"count\"}, got " + Json.kind(item);
    }
    JsonNode timestamp = item.get("timestamp");
    if (timestamp == null || timestamp.isNull()) {
      return "timestamp is required";
    }
    if (sent == null) {
      return "timestamp must be a string, got " + Json.kind(timestamp);
    }
    if (time == null) {
      String shown = sent.length() > 64 ? sent.substring(0, 64) + "…" : sent;
      return "timestamp '" + shown + "' is not an ISO-8601 date-time with a zone (e.g. 2021-09-29T16:08:15+01:00) "
          + "between 1677-09-21T00:12:43.145224192Z and 2262-04-11T23:47:16.854775807Z";
    }
    JsonNode count = item.get("count");
    if (count == null || count.isNull()) {
      return "count is required";
    }
    if (!count.isIntegralNumber()) {
      return "count must be a whole number, got " + Json.kind(count) + " " + count;
    }
    if (count.bigIntegerValue().signum() < 0 || count.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      return "count must be between 0 and 2147483647, got " + count;
    }
    return null;
  }

  private void latestTimestamp(RoutingContext ctx) {
    readings.summary(Ids.require("id", ctx.pathParam("id")))
        .onSuccess(summary -> Responses.json(ctx, 200, Map.of("latest_timestamp", summary.latest().text())))
        .onFailure(ctx::fail);
  }

  private void cumulativeCount(RoutingContext ctx) {
    readings.summary(Ids.require("id", ctx.pathParam("id")))
        .onSuccess(summary -> Responses.json(ctx, 200, Map.of("cumulative_count", summary.cumulativeCount())))
        .onFailure(ctx::fail);
  }

  private void device(RoutingContext ctx) {
    String deviceId = Ids.require("id", ctx.pathParam("id"));
    readings.readings(new Readings.Range(deviceId, null, null, null, 0))
        .onSuccess(device -> {
          Map<String, Integer> data = new LinkedHashMap<>();
          device.page().items().forEach(reading -> data.put(reading.time().text(), reading.count()));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("data", data);
          body.put("latest_timestamp", device.summary().latest().text());
          body.put("cumulative_count", device.summary().cumulativeCount());
          Responses.json(ctx, 200, body);
        })
        .onFailure(ctx::fail);
  }

  private void range(RoutingContext ctx) {
    String deviceId = Ids.require("id", ctx.pathParam("id"));
    Paging paging = Paging.from(ctx, Paging.DEFAULT_LIMIT, ReadingRoutes::isReadingKey);
    readings.readings(new Readings.Range(deviceId, instant(ctx, "from"), instant(ctx, "to"), paging.after(),
            paging.limit()))
        .onSuccess(device -> {
          paging.link(ctx, device.page());
          Responses.json(ctx, 200, device.page().items().stream()
              .map(reading -> Map.of("timestamp", reading.time().text(), "count", reading.count())).toList());
        })
        .onFailure(ctx::fail);
  }

  private void devices(RoutingContext ctx) {
    Paging paging = Paging.from(ctx, Paging.DEFAULT_LIMIT, Ids::isValid);
    readings.devices(paging.after(), paging.limit())
        .onSuccess(page -> {
          paging.link(ctx, page);
          Responses.json(ctx, 200, page.items().stream().map(ReadingRoutes::deviceView).toList());
        })
        .onFailure(ctx::fail);
  }

  private static Map<String, Object> deviceView(DeviceSummary summary) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", summary.id());
    view.put("latest_timestamp", summary.latest().text());
    view.put("cumulative_count", summary.cumulativeCount());
    return view;
  }

  private static Long instant(RoutingContext ctx, String param) {
    String value = ctx.request().getParam(param);
    if (value == null) {
      return null;
    }
    ReadingTime time = ReadingTime.parse(value);
    if (time == null) {
      throw ProblemException.badRequest("INVALID_QUERY", param,
          param + " must be an ISO-8601 date-time with a zone, got '" + value + "'");
    }
    return time.epochNanos();
  }

  private static boolean isReadingKey(String key) {
    try {
      Reading.epochNanos(key);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
