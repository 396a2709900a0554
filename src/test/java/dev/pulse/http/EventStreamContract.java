package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Pulse;
import dev.pulse.support.Eventually;
import dev.pulse.support.NodeConfigs;
import dev.pulse.support.RenewalLog;
import dev.pulse.support.SseClient;
import dev.pulse.support.TargetServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /events}: what a dashboard sees of the registry, alerts, devices and streams. */
abstract class EventStreamContract extends NodeContract {

  static final long COALESCE_MS = 300;
  static final long WAIT_MS = 5_000;

  private final String group = "g-" + UUID.randomUUID();

  EventStreamContract(NodeConfigs configs) {
    super(configs);
  }

  @Override
  Map<String, String> nodeEnv() {
    return Map.of("PULSE_EVENTS_COALESCE_MS", String.valueOf(COALESCE_MS),
        "PULSE_HEARTBEAT_TTL_MS", "1500", "PULSE_EXPIRY_INTERVAL_MS", "50");
  }

  private SseClient open(String path) {
    SseClient events = SseClient.open(vertx, node.port(), path);
    SseClient.Event ready = events.next(WAIT_MS);
    assertThat(ready.name()).isEqualTo("ready");
    return events;
  }

  @Test
  @DisplayName("a stream opens with ready and the topics, as text/event-stream that no cache keeps")
  void opensWithReady() {
    try (SseClient events = SseClient.open(vertx, node.port(), "/events?topics=alerts,devices")) {
      assertThat(events.header("Content-Type")).startsWith("text/event-stream");
      assertThat(events.header("Cache-Control")).isEqualTo("no-store");
      SseClient.Event ready = events.next(WAIT_MS);
      assertThat(ready.name()).isEqualTo("ready");
      assertThat(ready.data().getJsonArray("topics")).containsExactly("alerts", "devices");
    }
  }

  @Test
  @DisplayName("an instance's registration, expiry and deregistration arrive as events with the API's bodies")
  void registryLifecycle() {
    try (SseClient events = open("/events?topics=registry")) {
      JsonObject registered = send(HttpMethod.POST, "/" + group + "/i-1", "{\"meta\":{\"zone\":\"eu-1\"}}")
          .bodyAsJsonObject();
      SseClient.Event event = events.await(e -> e.name().equals("instance-registered"), WAIT_MS, "registration");
      assertThat(event.data()).isEqualTo(registered);

      // Not renewed: it expires after its 1.5 s TTL (long enough for renewals to reach a stream through two coalescing periods first).
      SseClient.Event expired = events.await(e -> e.name().equals("instance-expired"), WAIT_MS, "expiry");
      assertThat(expired.data().getString("id")).isEqualTo("i-1");
      assertThat(expired.data().getString("group")).isEqualTo(group);

      send(HttpMethod.POST, "/" + group + "/i-2", null);
      assertThat(send(HttpMethod.DELETE, "/" + group + "/i-2", null).statusCode()).isEqualTo(204);
      SseClient.Event deregistered = events.await(e -> e.name().equals("instance-deregistered"), WAIT_MS,
          "deregistration");
      assertThat(deregistered.data()).isEqualTo(new JsonObject().put("group", group).put("id", "i-2"));
    }
  }

  @Test
  @DisplayName("a registered instance whose health check starts failing arrives as instance-status, with the service change")
  void healthChanges() {
    TargetServer target = TargetServer.start(vertx);
    try (SseClient events = open("/events?topics=registry")) {
      String service = "svc-" + UUID.randomUUID();
      assertThat(send(HttpMethod.POST, "/services", "{\"name\":\"" + service + "\",\"version\":\"1.0.0\","
          + "\"endpoints\":[\"" + target.url("a") + "\"],"
          + "\"healthCheck\":{\"path\":\"/health\",\"interval\":150,\"timeout\":100,\"threshold\":1}}")
          .statusCode()).isEqualTo(201);
      assertThat(events.await(e -> e.name().equals("service-changed"), WAIT_MS, "the registration").data())
          .isEqualTo(new JsonObject().put("name", service).put("definition", true));
      SseClient.Event healthy = events.await(e -> e.name().equals("instance-status"), WAIT_MS, "healthy");
      assertThat(healthy.data().getString("group")).isEqualTo(service);
      assertThat(healthy.data().getString("newStatus")).isEqualTo("healthy");

      target.mode(TargetServer.Mode.FAILING);
      SseClient.Event unhealthy = events.await(e -> e.name().equals("instance-status"), WAIT_MS, "unhealthy");
      assertThat(unhealthy.data().getString("instanceId")).isEqualTo(service + "-1");
      assertThat(unhealthy.data().getString("oldStatus")).isEqualTo("healthy");
      assertThat(unhealthy.data().getString("newStatus")).isEqualTo("unhealthy");
      assertThat(unhealthy.data().getString("reason")).startsWith("HTTP 503");
      send(HttpMethod.DELETE, "/services/" + service, null);
    } finally {
      target.close();
    }
  }

  @Test
  @DisplayName("renewals arrive coalesced: one heartbeats event per group and period, holding each instance's latest state once")
  void heartbeatsAreCoalesced() {
    try (SseClient events = open("/events?topics=registry")) {
      send(HttpMethod.POST, "/" + group + "/busy", null);
      send(HttpMethod.POST, "/" + group + "/quiet", null);
      long started = System.currentTimeMillis();
      RenewalLog renewals = new RenewalLog();
      for (int i = 0; i < 40; i++) {
        renewals.sent(i, send(HttpMethod.POST, "/" + group + "/busy", "{\"meta\":{\"n\":" + i + "}}")
            .bodyAsJsonObject());
      }
      send(HttpMethod.POST, "/" + group + "/quiet", null);
      while (true) {
        SseClient.Event event = events.await(e -> e.name().equals("heartbeats"), WAIT_MS, "heartbeats");
        assertThat(event.data().getString("group")).isEqualTo(group);
        JsonArray instances = event.data().getJsonArray("instances");
        List<String> ids = instances.stream().map(i -> ((JsonObject) i).getString("id")).toList();
        assertThat(ids).doesNotHaveDuplicates();
        JsonObject busy = instances.stream().map(JsonObject.class::cast)
            .filter(i -> i.getString("id").equals("busy")).findFirst().orElse(null);
        if (busy != null && renewals.received(busy)) {
          break;
        }
      }
      long periods = (System.currentTimeMillis() - started) / COALESCE_MS + 1;
      assertThat(renewals.updates()).as("updates of an instance renewed 40 times in %d periods", periods)
          .isLessThanOrEqualTo((int) periods).isLessThan(40);
    }
  }

  @Test
  @DisplayName("a renewal still waiting for its period is not sent after the instance was deregistered")
  void noHeartbeatAfterLeaving() {
    try (SseClient events = open("/events?topics=registry")) {
      send(HttpMethod.POST, "/" + group + "/leaving", null);
      send(HttpMethod.POST, "/" + group + "/marker", null);
      send(HttpMethod.POST, "/" + group + "/leaving", "{\"meta\":{\"last\":true}}");
      assertThat(send(HttpMethod.DELETE, "/" + group + "/leaving", null).statusCode()).isEqualTo(204);
      // Renewed after the deregistration: its update goes out with or after any held for "leaving".
      send(HttpMethod.POST, "/" + group + "/marker", null);
      events.await(e -> e.name().equals("instance-deregistered"), WAIT_MS, "the deregistration");
      while (true) {
        SseClient.Event beats = events.await(e -> e.name().equals("heartbeats"), WAIT_MS, "the marker's renewal");
        List<String> ids = beats.data().getJsonArray("instances").stream()
            .map(i -> ((JsonObject) i).getString("id")).toList();
        assertThat(ids).as("renewals sent after the deregistration").doesNotContain("leaving");
        if (ids.contains("marker")) {
          break;
        }
      }
    }
  }

  @Test
  @DisplayName("?topics= narrows a stream: an alerts stream gets the alert and not the registration made before it")
  void topicsFilter() {
    try (SseClient all = open("/events"); SseClient alerts = open("/events?topics=alerts")) {
      send(HttpMethod.POST, "/" + group + "/i-1", null);
      JsonObject alert = send(HttpMethod.POST, "/alerts/events", alertEvent("a-" + UUID.randomUUID()))
          .bodyAsJsonObject();

      SseClient.Event first = alerts.next(WAIT_MS);
      assertThat(first.name()).isEqualTo("alert");
      assertThat(first.data()).isEqualTo(alert);
      assertThat(all.await(e -> e.name().equals("instance-registered"), WAIT_MS, "registration").data()
          .getString("id")).isEqualTo("i-1");
      assertThat(all.await(e -> e.name().equals("alert"), WAIT_MS, "alert").data()).isEqualTo(alert);
    }
  }

  @Test
  @DisplayName("accepted readings, stream starts, stops and expiries arrive on their topics")
  void devicesAndStreams() {
    try (SseClient events = open("/events?topics=devices,streams")) {
      String device = "d-" + UUID.randomUUID();
      send(HttpMethod.POST, "/ingest", "{\"id\":\"" + device + "\",\"readings\":["
          + "{\"timestamp\":\"2026-11-22T10:00:00Z\",\"count\":2},{\"timestamp\":\"2026-11-22T10:01:00Z\",\"count\":5}]}");
      // A repeated reading is a duplicate: only the new one is announced.
      send(HttpMethod.POST, "/ingest", "{\"id\":\"" + device + "\",\"readings\":["
          + "{\"timestamp\":\"2026-11-22T10:01:00Z\",\"count\":5},{\"timestamp\":\"2026-11-22T10:02:00Z\",\"count\":1}]}");
      SseClient.Event first = events.await(e -> e.name().equals("readings"), WAIT_MS, "readings");
      assertThat(first.data()).isEqualTo(new JsonObject().put("deviceId", device).put("readings", new JsonArray()
          .add(reading("2026-11-22T10:00:00Z", 2)).add(reading("2026-11-22T10:01:00Z", 5))));
      SseClient.Event second = events.await(e -> e.name().equals("readings"), WAIT_MS, "readings");
      assertThat(second.data().getJsonArray("readings")).containsExactly(reading("2026-11-22T10:02:00Z", 1));

      String user = "u-" + UUID.randomUUID();
      HttpResponse<Buffer> started = send(HttpMethod.POST, "/users/" + user + "/streams", "{\"streamId\":\"s1\"}");
      SseClient.Event lease = events.await(e -> e.name().equals("lease-started"), WAIT_MS, "stream start");
      assertThat(lease.data().getString("userId")).isEqualTo(user);
      assertThat(lease.data().getLong("expiresAt")).isEqualTo(started.bodyAsJsonObject().getLong("expiresAt"));
      assertThat(send(HttpMethod.DELETE, "/users/" + user + "/streams/s1", null).statusCode()).isEqualTo(204);
      assertThat(events.await(e -> e.name().equals("lease-released"), WAIT_MS, "stream stop").data())
          .isEqualTo(new JsonObject().put("userId", user).put("streamId", "s1"));
    }
  }

  @Test
  @DisplayName("an unknown topic or query parameter is a 400 naming it")
  void badQueries() {
    HttpResponse<Buffer> badTopic = get("/events?topics=registry,weather");
    assertThat(badTopic.statusCode()).isEqualTo(400);
    assertThat(badTopic.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(badTopic.bodyAsJsonObject().getString("field")).isEqualTo("topics");
    assertThat(badTopic.bodyAsJsonObject().getString("detail")).contains("weather");

    for (String empty : new String[] {",", ",,", "alerts,,devices"}) {
      HttpResponse<Buffer> noTopic = get("/events?topics=" + empty);
      assertThat(noTopic.statusCode()).as(empty).isEqualTo(400);
      assertThat(noTopic.bodyAsJsonObject().getString("field")).isEqualTo("topics");
    }

    HttpResponse<Buffer> badParam = get("/events?topic=alerts");
    assertThat(badParam.statusCode()).isEqualTo(400);
    assertThat(badParam.bodyAsJsonObject().getString("field")).isEqualTo("topic");
  }

  @Test
  @DisplayName("a node holds at most events.maxStreams streams (503 beyond), and a closed stream frees its place")
  void maxStreams() {
    Vertx other = Vertx.vertx();
    Pulse limited = startIsolated(other, Map.of("PULSE_EVENTS_MAX_STREAMS", "1"));
    try {
      SseClient first = SseClient.open(vertx, limited.port(), "/events");
      assertThat(first.next(WAIT_MS).name()).isEqualTo("ready");
      HttpResponse<Buffer> refused = send(clientFor(vertx, limited), HttpMethod.GET, "/events", null);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("TOO_MANY_STREAMS");
      first.close();
      java.util.concurrent.atomic.AtomicReference<SseClient> again = new java.util.concurrent.atomic.AtomicReference<>();
      Eventually.poll(vertx, WAIT_MS, "a stream admitted once the first closed", () ->
          SseClient.openAsync(vertx, limited.port(), "/events").map(opened -> {
            again.set(opened);
            return true;
          }).otherwise(false)).await();
      assertThat(again.get().next(WAIT_MS).name()).isEqualTo("ready");
      again.get().close();
    } finally {
      limited.stop().await();
      other.close().await();
    }
  }

  @Test
  @DisplayName("stopping the node ends its open streams instead of waiting out the shutdown grace")
  void stopEndsStreams() {
    Vertx other = Vertx.vertx();
    try {
      Pulse stopping = startIsolated(other, Map.of());
      SseClient events = SseClient.open(vertx, stopping.port(), "/events");
      assertThat(events.next(WAIT_MS).name()).isEqualTo("ready");
      long started = System.currentTimeMillis();
      stopping.stop().await();
      assertThat(System.currentTimeMillis() - started).as("stop with an open stream (grace 10 s)").isLessThan(5_000);
      Eventually.poll(vertx, WAIT_MS, "the stream ended", () -> Future.succeededFuture(events.ended())).await();
      events.close();
    } finally {
      other.close().await();
    }
  }

  static String alertEvent(String alertId) {
    return "{\"type\":\"ALERT_CREATED\",\"alert\":{\"alertId\":\"" + alertId + "\",\"name\":\"CPU high\","
        + "\"status\":\"TRIGGERED\",\"service\":{\"serviceId\":\"s1\",\"name\":\"checkout\"},"
        + "\"triggeredOn\":\"2026-11-22T16:15:57.694Z\"}}";
  }

  private static JsonObject reading(String timestamp, int count) {
    return new JsonObject().put("timestamp", timestamp).put("count", count);
  }
}
