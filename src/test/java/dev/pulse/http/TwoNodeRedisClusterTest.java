package dev.pulse.http;

import static dev.pulse.http.NodeContract.concurrently;
import static dev.pulse.http.NodeContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Addresses;
import dev.pulse.Pulse;
import dev.pulse.discovery.Instance;
import dev.pulse.support.Eventually;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Pulse nodes, each with its own Vert.x (as two processes would have), on one Redis Cluster:
 * they are one registry.
 */
@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Two Pulse nodes on one Redis Cluster")
class TwoNodeRedisClusterTest {

  private final TwoNodes nodes;
  private final String group = "g-" + UUID.randomUUID();

  TwoNodeRedisClusterTest(LocalRedis cluster) {
    nodes = new TwoNodes(cluster);
  }

  @AfterEach
  void stop() {
    nodes.stop();
  }

  @Test
  @DisplayName("a heartbeat through node A is visible through node B at once, and a delete through B through A")
  void visibilityAcrossNodes(Vertx vertxA) {
    nodes.start(vertxA, Map.of());

    JsonObject created = send(nodes.clientA, HttpMethod.POST, "/" + group + "/i-1", "{\"meta\":{\"via\":\"a\"}}")
        .bodyAsJsonObject();

    JsonArray seenByB = send(nodes.clientB, HttpMethod.GET, "/" + group, null).bodyAsJsonArray();
    assertThat(seenByB).containsExactly(created);
    assertThat(send(nodes.clientB, HttpMethod.GET, "/", null).bodyAsJsonArray())
        .containsExactly(new JsonObject().put("group", group).put("instances", 1)
            .put("createdAt", created.getLong("createdAt")).put("lastUpdatedAt", created.getLong("updatedAt")));

    HttpResponse<Buffer> renewedViaB = send(nodes.clientB, HttpMethod.POST, "/" + group + "/i-1", null);
    assertThat(renewedViaB.statusCode()).isEqualTo(200);
    assertThat(renewedViaB.bodyAsJsonObject().getJsonObject("meta")).isEqualTo(new JsonObject().put("via", "a"));

    assertThat(send(nodes.clientB, HttpMethod.DELETE, "/" + group + "/i-1", null).statusCode()).isEqualTo(204);
    assertThat(send(nodes.clientA, HttpMethod.GET, "/" + group, null).bodyAsJsonArray()).isEmpty();
  }

  @Test
  @DisplayName("200 concurrent first heartbeats for one instance across both nodes produce exactly one 201")
  void concurrentFirstHeartbeats(Vertx vertxA) {
    nodes.start(vertxA, Map.of());
    String path = "/" + group + "/racer";

    List<HttpResponse<Buffer>> responses = concurrently(200,
        i -> (i % 2 == 0 ? nodes.clientA : nodes.clientB).post(path).send());

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(199);
    assertThat(responses.stream().map(r -> r.bodyAsJsonObject().getLong("updatedAt")).distinct()).hasSize(200);
    assertThat(responses.stream().map(r -> r.bodyAsJsonObject().getLong("createdAt")).distinct()).hasSize(1);
    assertThat(send(nodes.clientA, HttpMethod.GET, "/" + group, null).bodyAsJsonArray()).hasSize(1);
    assertThat(send(nodes.clientB, HttpMethod.GET, "/", null).bodyAsJsonArray().getJsonObject(0).getInteger("instances"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("both nodes sweeping at once expire every instance exactly once between them")
  void concurrentSweeps(Vertx vertxA) {
    nodes.start(vertxA, Map.of("PULSE_HEARTBEAT_TTL_MS", "300", "PULSE_EXPIRY_INTERVAL_MS", "10"));
    Queue<Instance> expired = new ConcurrentLinkedQueue<>();
    for (Vertx vertx : List.of(vertxA, nodes.vertxB)) {
      vertx.eventBus().<Instance>consumer(Addresses.DISCOVERY_INSTANCE_EXPIRED, message -> expired.add(message.body()));
    }

    concurrently(40, i -> (i % 2 == 0 ? nodes.clientA : nodes.clientB).post("/" + group + "-" + (i % 4) + "/i-" + i).send())
        .forEach(response -> assertThat(response.statusCode()).isEqualTo(201));

    Eventually.poll(vertxA, 10_000, "40 expiry events", () -> Future.succeededFuture(expired.size() >= 40)).await();
    Eventually.poll(vertxA, 5_000, "registry empty on both nodes", () ->
        Future.all(nodes.clientA.get("/").send(), nodes.clientB.get("/").send())
            .map(both -> both.<HttpResponse<Buffer>>list().stream().allMatch(r -> r.bodyAsJsonArray().isEmpty())))
        .await();

    assertThat(expired).hasSize(40);
    assertThat(expired.stream().map(Instance::id).distinct()).hasSize(40);
  }

  @Test
  @DisplayName("one alert's events, duplicates included, posted concurrently through both nodes end in one correct state")
  void concurrentAlertEvents(Vertx vertxA) {
    nodes.start(vertxA, Map.of());
    String id = UUID.randomUUID().toString();
    String service = "svc-" + id;
    JsonObject alert = new JsonObject().put("alertId", id).put("name", "CPU high")
        .put("service", new JsonObject().put("name", service)).put("triggeredOn", "2026-11-22T16:00:00.000Z");
    List<JsonObject> events = List.of(
        new JsonObject().put("type", "ALERT_CREATED").put("alert", alert.copy().put("status", "TRIGGERED")),
        new JsonObject().put("type", "ALERT_CHANGED").put("alert", alert.copy().put("status", "ACKNOWLEDGED")
            .put("acknowledgedOn", "2026-11-22T16:01:00.000Z")),
        new JsonObject().put("type", "ALERT_CHANGED").put("alert", alert.copy().put("status", "RESOLVED")
            .put("acknowledgedOn", "2026-11-22T16:01:00.000Z").put("resolvedOn", "2026-11-22T16:05:00.000Z")));

    List<HttpResponse<Buffer>> responses = concurrently(60, i -> (i % 2 == 0 ? nodes.clientA : nodes.clientB)
        .post("/alerts/events").sendBuffer(events.get(i % 3).toBuffer()));

    assertThat(responses).allMatch(r -> r.statusCode() == 200);
    for (WebClient client : List.of(nodes.clientA, nodes.clientB)) {
      JsonObject stored = send(client, HttpMethod.GET, "/alerts/" + id, null).bodyAsJsonObject();
      assertThat(stored.getString("status")).isEqualTo("RESOLVED");
      assertThat(stored.getString("reportedStatus")).isEqualTo("RESOLVED");
      assertThat(stored.getLong("timeToAcknowledgeMs")).isEqualTo(60_000);
      assertThat(stored.getLong("timeToResolveMs")).isEqualTo(300_000);
      JsonObject stats = send(client, HttpMethod.GET, "/alerts/stats?service.name=" + service, null).bodyAsJsonObject();
      assertThat(stats.getInteger("total")).isEqualTo(1);
      assertThat(stats.getJsonObject("byStatus").getInteger("RESOLVED")).isEqualTo(1);
      assertThat(stats.getJsonObject("timeToResolve").getInteger("count")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("two nodes posting overlapping batches for one device at once accept each reading exactly once")
  void overlappingReadingBatches(Vertx vertxA) {
    nodes.start(vertxA, Map.of());
    String device = "dev-" + UUID.randomUUID();

    List<HttpResponse<Buffer>> responses = concurrently(20, b -> {
      JsonArray readings = new JsonArray();
      for (int i = 0; i < 100; i++) {
        int minute = (b * 10 + i) % 300; // each batch overlaps its neighbours
        readings.add(new JsonObject().put("timestamp", String.format("2023-01-01T%02d:%02d:00Z", minute / 60, minute % 60))
            .put("count", 1));
      }
      return (b % 2 == 0 ? nodes.clientA : nodes.clientB).post("/ingest")
          .sendBuffer(new JsonObject().put("id", device).put("readings", readings).toBuffer());
    });

    long accepted = responses.stream().flatMap(r -> r.bodyAsJsonObject().getJsonArray("results").stream())
        .filter(result -> ((JsonObject) result).getInteger("status") == 202).count();
    assertThat(accepted).isEqualTo(290);
    assertThat(send(nodes.clientB, HttpMethod.GET, "/devices/" + device + "/cumulative_count", null).bodyAsJsonObject()
        .getLong("cumulative_count")).isEqualTo(290);
    assertThat(send(nodes.clientA, HttpMethod.GET, "/devices/" + device, null).bodyAsJsonObject().getJsonObject("data"))
        .hasSize(290);
  }
}
