package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Addresses;
import dev.pulse.support.NodeConfigs;
import dev.pulse.discovery.Instance;
import dev.pulse.discovery.StatusChange;
import dev.pulse.support.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alerts HTTP API, as the emitter and operators use it, against a whole node; once per store. */
abstract class AlertApiContract extends NodeContract {

  String tag;

  AlertApiContract(NodeConfigs configs) {
    super(configs);
  }

  @BeforeEach
  void newTag() {
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  /** An alert as the emitter sends it; {@code extra} adds or overrides alert fields. */
  JsonObject event(String type, String alertId, String status, JsonObject extra) {
    JsonObject alert = new JsonObject()
        .put("alertId", alertId)
        .put("name", "Disk full " + tag)
        .put("status", status)
        .put("responder", new JsonObject().put("userId", "u1").put("name", "Ann " + tag))
        .put("service", new JsonObject().put("serviceId", "s1").put("name", "checkout " + tag))
        .put("triggeredOn", "2026-11-22T16:15:57.694Z")
        .mergeIn(extra);
    return new JsonObject().put("type", type).put("alert", alert);
  }

  HttpResponse<Buffer> post(Object body) {
    return client.post("/alerts/events").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body.toString())).await();
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("POST /alerts/events answers 200 with the alert as stored; unknown timestamps and durations are absent")
  void ingestOne() {
    String id = UUID.randomUUID().toString();
    HttpResponse<Buffer> response = post(event("ALERT_CREATED", id, "TRIGGERED", new JsonObject()));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject alert = response.bodyAsJsonObject();
    assertThat(alert).isEqualTo(new JsonObject()
        .put("alertId", id).put("name", "Disk full " + tag).put("status", "TRIGGERED")
        .put("reportedStatus", "TRIGGERED")
        .put("responder", new JsonObject().put("userId", "u1").put("name", "Ann " + tag))
        .put("service", new JsonObject().put("serviceId", "s1").put("name", "checkout " + tag))
        .put("triggeredOn", "2026-11-22T16:15:57.694Z"));

    JsonObject resolved = post(event("ALERT_CHANGED", id, "TRIGGERED", new JsonObject()
        .put("acknowledgedOn", "2026-11-22T17:16:57.694+01:00").put("resolvedOn", "2026-11-22T16:20:57.694Z")))
        .bodyAsJsonObject();
    assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
    assertThat(resolved.getString("reportedStatus")).isEqualTo("TRIGGERED");
    assertThat(resolved.getString("acknowledgedOn")).as("kept as sent").isEqualTo("2026-11-22T17:16:57.694+01:00");
    assertThat(resolved.getLong("timeToAcknowledgeMs")).isEqualTo(60_000);
    assertThat(resolved.getLong("timeToResolveMs")).isEqualTo(300_000);
    assertThat(get("/alerts/" + id).bodyAsJsonObject()).isEqualTo(resolved);
  }

  @Test
  @DisplayName("an array of events gets one result per event; a bad event does not stop the good ones")
  void ingestBatch() {
    String good = UUID.randomUUID().toString();
    JsonArray batch = new JsonArray()
        .add(event("ALERT_CREATED", good, "TRIGGERED", new JsonObject()))
        .add(new JsonObject().put("type", "ALERT_DELETED"))
        .add(event("ALERT_CHANGED", good, "ACKNOWLEDGED", new JsonObject().put("acknowledgedOn", "2026-11-22T16:16:57.694Z")));

    HttpResponse<Buffer> response = post(batch);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray results = response.bodyAsJsonArray();
    assertThat(results).hasSize(3);
    assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(200);
    assertThat(results.getJsonObject(1).getInteger("status")).isEqualTo(400);
    assertThat(results.getJsonObject(1).getString("field")).isEqualTo("[1].type");
    assertThat(results.getJsonObject(2).getJsonObject("alert").getString("status")).isEqualTo("ACKNOWLEDGED");
    assertThat(get("/alerts/" + good).bodyAsJsonObject().getString("status")).isEqualTo("ACKNOWLEDGED");
    assertThat(post(new JsonArray()).bodyAsJsonArray()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "malformed JSON             | `{\"type\":`                                              | INVALID_JSON  | body",
      "not an object              | `\"text\"`                                                | INVALID_FIELD | body",
      "unknown type               | `{\"type\":\"ALERT_DELETED\",\"alert\":{}}`               | INVALID_FIELD | type",
      "missing type               | `{\"alert\":{}}`                                          | INVALID_FIELD | type",
      "missing alert              | `{\"type\":\"ALERT_CREATED\"}`                            | INVALID_FIELD | alert",
      "alert not an object        | `{\"type\":\"ALERT_CREATED\",\"alert\":[]}`               | INVALID_FIELD | alert",
      "missing alertId            | ALERT:{\"alertId\":null}                                  | INVALID_FIELD | alert.alertId",
      "alertId a number           | ALERT:{\"alertId\":7}                                     | INVALID_FIELD | alert.alertId",
      "alertId with a space       | ALERT:{\"alertId\":\"a b\"}                               | INVALID_ID    | alert.alertId",
      "missing triggeredOn        | ALERT:{\"triggeredOn\":null}                              | INVALID_FIELD | alert.triggeredOn",
      "triggeredOn not a date     | ALERT:{\"triggeredOn\":\"yesterday\"}                     | INVALID_FIELD | alert.triggeredOn",
      "triggeredOn without a zone | ALERT:{\"triggeredOn\":\"2026-11-22T16:15:57.694\"}       | INVALID_FIELD | alert.triggeredOn",
      "acknowledgedOn a number    | ALERT:{\"acknowledgedOn\":1700000000}                     | INVALID_FIELD | alert.acknowledgedOn",
      "resolvedOn not a date      | ALERT:{\"resolvedOn\":\"2026-13-45T00:00:00Z\"}           | INVALID_FIELD | alert.resolvedOn",
      "unknown status             | ALERT:{\"status\":\"OPEN\"}                               | INVALID_FIELD | alert.status",
      "name a number              | ALERT:{\"name\":42}                                       | INVALID_FIELD | alert.name",
      "responder a string         | ALERT:{\"responder\":\"Ann\"}                             | INVALID_FIELD | alert.responder",
      "service name a number      | ALERT:{\"service\":{\"name\":1}}                          | INVALID_FIELD | alert.service.name",
      "year beyond 9999           | ALERT:{\"triggeredOn\":\"+999999999-12-31T23:59:59.999Z\"} | INVALID_FIELD | alert.triggeredOn",
      "before 1970                | ALERT:{\"triggeredOn\":\"1969-12-31T23:59:59.999Z\"}      | INVALID_FIELD | alert.triggeredOn",
      "acknowledged before trigger| ALERT:{\"acknowledgedOn\":\"2026-11-22T16:15:57.693Z\"}   | INVALID_FIELD | alert.acknowledgedOn",
      "resolved before trigger    | ALERT:{\"resolvedOn\":\"2025-11-22T16:15:57.694Z\"}       | INVALID_FIELD | alert.resolvedOn"})
  @DisplayName("a bad event is a 400 naming the field, and nothing is stored")
  void badEvents(String label, String body, String code, String field) {
    String id = UUID.randomUUID().toString();
    String sent = body.startsWith("ALERT:")
        ? event("ALERT_CREATED", id, "TRIGGERED", new JsonObject(body.substring("ALERT:".length()))).encode()
        : body;

    assertProblem(post(sent), 400, code, field);
    assertProblem(get("/alerts/" + id), 404, "ALERT_NOT_FOUND", null);
  }

  @Test
  @DisplayName("a batch of 3 000 events, 1 000 alerts with three events each, is applied in full")
  void largeBatch() {
    JsonArray batch = new JsonArray();
    for (int i = 0; i < 1000; i++) {
      String id = "big-" + i + "-" + tag;
      JsonObject service = new JsonObject().put("service", new JsonObject().put("name", "big " + tag));
      batch.add(event("ALERT_CREATED", id, "TRIGGERED", service.copy()));
      batch.add(event("ALERT_CHANGED", id, "ACKNOWLEDGED", service.copy().put("acknowledgedOn", "2026-11-22T16:16:57.694Z")));
      batch.add(event("ALERT_CHANGED", id, "RESOLVED", service.copy().put("acknowledgedOn", "2026-11-22T16:16:57.694Z")
          .put("resolvedOn", "2026-11-22T16:17:57.694Z")));
    }

    JsonArray results = post(batch).bodyAsJsonArray();

    assertThat(results).hasSize(3000).allMatch(r -> ((JsonObject) r).getInteger("status") == 200);
    JsonObject stats = get("/alerts/stats?service.name=" + q("big " + tag)).bodyAsJsonObject();
    assertThat(stats.getInteger("total")).isEqualTo(1000);
    assertThat(stats.getJsonObject("byStatus").getInteger("RESOLVED")).isEqualTo(1000);
  }

  @Test
  @DisplayName("a body over 1 MiB is a 413")
  void bodyLimit() {
    JsonObject huge = event("ALERT_CREATED", UUID.randomUUID().toString(), "TRIGGERED",
        new JsonObject().put("name", "x".repeat(1024 * 1024)));
    assertProblem(post(huge), 413, "BODY_TOO_LARGE", "body");
  }

  @Test
  @DisplayName("GET /alerts lists newest first with filters and pagination; bad filters are 400s, unknown values []")
  void listing() {
    for (int i = 0; i < 5; i++) {
      post(event("ALERT_CREATED", "list-" + i + "-" + tag, i == 4 ? "ACKNOWLEDGED" : "TRIGGERED", new JsonObject()
          .put("triggeredOn", "2026-11-22T16:0" + i + ":00.000Z")
          .put("service", new JsonObject().put("name", (i % 2 == 0 ? "even " : "odd ") + tag))));
    }
    String even = "/alerts?service.name=" + q("even " + tag);

    HttpResponse<Buffer> first = get(even + "&limit=2");
    assertThat(first.bodyAsJsonArray()).extracting(a -> ((JsonObject) a).getString("alertId"))
        .containsExactly("list-4-" + tag, "list-2-" + tag);
    String link = first.getHeader("Link");
    assertThat(link).endsWith("rel=\"next\"");
    HttpResponse<Buffer> second = get(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
    assertThat(second.bodyAsJsonArray()).extracting(a -> ((JsonObject) a).getString("alertId"))
        .containsExactly("list-0-" + tag);
    assertThat(second.getHeader("Link")).isNull();

    assertThat(get("/alerts?name=" + q("Disk full " + tag) + "&status=ACKNOWLEDGED&status=RESOLVED").bodyAsJsonArray())
        .extracting(a -> ((JsonObject) a).getString("alertId")).containsExactly("list-4-" + tag);
    assertThat(get("/alerts?responder.name=" + q("Ann " + tag) + "&since=2026-11-22T16:01:00Z&until=2026-11-22T16:03:00Z")
        .bodyAsJsonArray()).extracting(a -> ((JsonObject) a).getString("alertId"))
        .containsExactly("list-3-" + tag, "list-2-" + tag, "list-1-" + tag);
    assertThat(get("/alerts?service.name=nothing-" + tag).bodyAsJsonArray()).isEmpty();
    assertProblem(get("/alerts?status=OPEN"), 400, "INVALID_QUERY", "status");
    assertProblem(get("/alerts?since=yesterday"), 400, "INVALID_QUERY", "since");
    assertProblem(get("/alerts?until=%2B999999999-12-31T23:59:59.999Z"), 400, "INVALID_QUERY", "until");
    assertProblem(get("/alerts/stats?until=2026-11-22"), 400, "INVALID_QUERY", "until");
    assertProblem(get("/alerts?limit=0"), 400, "INVALID_QUERY", "limit");
    assertProblem(get("/alerts/nope-" + tag), 404, "ALERT_NOT_FOUND", null);
  }

  @Test
  @DisplayName("GET /alerts/stats reports counts by status and durations, with null extremes when there are none")
  void stats() {
    String service = "stats " + tag;
    post(event("ALERT_CREATED", "st-1-" + tag, "TRIGGERED", new JsonObject().put("service", new JsonObject().put("name", service))));
    post(event("ALERT_CHANGED", "st-2-" + tag, "RESOLVED", new JsonObject().put("service", new JsonObject().put("name", service))
        .put("acknowledgedOn", "2026-11-22T16:16:57.694Z").put("resolvedOn", "2026-11-22T16:25:57.694Z")));
    post(event("ALERT_CHANGED", "st-3-" + tag, "ACKNOWLEDGED", new JsonObject().put("service", new JsonObject().put("name", service))
        .put("acknowledgedOn", "2026-11-22T16:18:57.694Z")));

    JsonObject stats = get("/alerts/stats?service.name=" + q(service)).bodyAsJsonObject();

    assertThat(stats).isEqualTo(new JsonObject()
        .put("total", 3)
        .put("byStatus", new JsonObject().put("TRIGGERED", 1).put("ACKNOWLEDGED", 1).put("RESOLVED", 1))
        .put("timeToAcknowledge", new JsonObject().put("count", 2).put("minMs", 60_000).put("meanMs", 120_000.0)
            .put("maxMs", 180_000))
        .put("timeToResolve", new JsonObject().put("count", 1).put("minMs", 600_000).put("meanMs", 600_000.0)
            .put("maxMs", 600_000)));
    JsonObject none = get("/alerts/stats?service.name=" + q("none " + tag)).bodyAsJsonObject();
    assertThat(none.getJsonObject("timeToResolve")).isEqualTo(new JsonObject().put("count", 0)
        .put("minMs", null).put("meanMs", null).put("maxMs", null));
  }

  @Test
  @DisplayName("an instance turning unhealthy raises one alert, resolved when it is healthy again, expires or is deregistered")
  void ownAlerts() {
    String group = "web-" + tag;
    String name = "Instance i-1 of service " + group + " is unhealthy";
    String byName = "/alerts?name=" + q(name);

    vertx.eventBus().publish(Addresses.DISCOVERY_STATUS_CHANGED,
        new StatusChange(group, "i-1", "healthy", "unhealthy", "HTTP 500 after 12 ms"));
    Eventually.poll(vertx, 5000, "alert raised", () -> client.get(byName).send()
        .map(r -> r.bodyAsJsonArray().size() == 1)).await();
    vertx.eventBus().publish(Addresses.DISCOVERY_STATUS_CHANGED,
        new StatusChange(group, "i-1", "unhealthy", "unhealthy", "still failing"));
    JsonObject raised = get(byName).bodyAsJsonArray().getJsonObject(0);
    assertThat(raised.getString("status")).isEqualTo("TRIGGERED");
    assertThat(raised.getJsonObject("service").getString("name")).isEqualTo(group);
    assertThat(raised.containsKey("responder")).isFalse();

    vertx.eventBus().publish(Addresses.DISCOVERY_STATUS_CHANGED,
        new StatusChange(group, "i-1", "unhealthy", "healthy", "HTTP 200"));
    Eventually.poll(vertx, 5000, "alert resolved", () -> client.get(byName).send()
        .map(r -> "RESOLVED".equals(r.bodyAsJsonArray().getJsonObject(0).getString("status")))).await();
    JsonObject resolved = get(byName).bodyAsJsonArray().getJsonObject(0);
    assertThat(resolved.getString("alertId")).isEqualTo(raised.getString("alertId"));
    assertThat(resolved.containsKey("acknowledgedOn")).isTrue();
    assertThat(get(byName).bodyAsJsonArray()).hasSize(1);

    vertx.eventBus().publish(Addresses.DISCOVERY_STATUS_CHANGED,
        new StatusChange(group, "i-1", "healthy", "unhealthy", "timeout"));
    Eventually.poll(vertx, 5000, "second alert raised", () -> client.get(byName + "&status=TRIGGERED").send()
        .map(r -> r.bodyAsJsonArray().size() == 1)).await();
    vertx.eventBus().publish(Addresses.DISCOVERY_INSTANCE_EXPIRED, new Instance("i-1", group, 1, 2, "{}"));
    Eventually.poll(vertx, 5000, "alert resolved on expiry", () -> client.get(byName + "&status=RESOLVED").send()
        .map(r -> r.bodyAsJsonArray().size() == 2)).await();

    vertx.eventBus().publish(Addresses.DISCOVERY_STATUS_CHANGED,
        new StatusChange(group, "i-1", "healthy", "unhealthy", "timeout"));
    Eventually.poll(vertx, 5000, "third alert raised", () -> client.get(byName + "&status=TRIGGERED").send()
        .map(r -> r.bodyAsJsonArray().size() == 1)).await();
    send(HttpMethod.POST, "/" + group + "/i-1", null);
    assertThat(send(HttpMethod.DELETE, "/" + group + "/i-1", null).statusCode()).isEqualTo(204);
    Eventually.poll(vertx, 5000, "alert resolved on deregistration", () -> client.get(byName + "&status=RESOLVED")
        .send().map(r -> r.bodyAsJsonArray().size() == 3)).await();
  }

  @Test
  @DisplayName("a burst of unhealthy reports for one instance raises exactly one alert")
  void burstOfUnhealthyReports() {
    String group = "burst-" + tag;
    String byName = "/alerts?name=" + q("Instance i-9 of service " + group + " is unhealthy");
    for (int i = 0; i < 5; i++) {
      vertx.eventBus().publish(Addresses.DISCOVERY_STATUS_CHANGED,
          new StatusChange(group, "i-9", "healthy", "unhealthy", "attempt " + i));
    }
    vertx.eventBus().publish(Addresses.DISCOVERY_STATUS_CHANGED,
        new StatusChange(group, "i-9", "unhealthy", "healthy", "recovered"));

    // Updates of one instance run in turn: once the recovery shows, every report before it is done.
    Eventually.poll(vertx, 5000, "alert resolved", () -> client.get(byName + "&status=RESOLVED").send()
        .map(r -> r.bodyAsJsonArray().size() >= 1)).await();
    assertThat(get(byName).bodyAsJsonArray()).hasSize(1);
  }
}
