package dev.pulse.http;

import static dev.pulse.http.NodeContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Pulse;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import dev.pulse.support.RenewalLog;
import dev.pulse.support.SseClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two Pulse nodes on one Redis Cluster: a stream on one node sees what is done through the other. */
@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Live events across two Pulse nodes on one Redis Cluster")
class TwoNodeEventStreamTest {

  private static final long COALESCE_MS = 300;
  private static final long WAIT_MS = 5_000;

  private final TwoNodes nodes;
  private final String group = "g-" + UUID.randomUUID();

  TwoNodeEventStreamTest(LocalRedis cluster) {
    nodes = new TwoNodes(cluster);
  }

  @AfterEach
  void stop() {
    nodes.stop();
  }

  private void start(Vertx vertxA) {
    nodes.start(vertxA, Map.of("PULSE_EVENTS_COALESCE_MS", String.valueOf(COALESCE_MS)));
  }

  /**
   * Node B hears through Redis that A has a stream open, within milliseconds of A's "ready" but not
   * at the same instant: registrations through B are repeated until the first one reaches A.
   */
  private void awaitListening(SseClient events) {
    for (int attempt = 0; attempt < 50; attempt++) {
      send(nodes.clientB, HttpMethod.POST, "/" + group + "-warm/w-" + attempt, null);
      try {
        events.await(e -> e.name().equals("instance-registered"), 100, "a registration through B");
        events.drain();
        return;
      } catch (AssertionError notYet) {
        // B was not listening yet: try again.
      }
    }
    throw new AssertionError("node B never sent its events to node A's stream");
  }

  @Test
  @DisplayName("a stream on node A gets registrations, alerts, readings and stream starts made through node B")
  void changesThroughTheOtherNode(Vertx vertxA) {
    start(vertxA);

    try (SseClient events = SseClient.open(vertxA, nodes.nodeA.port(), "/events")) {
      assertThat(events.next(WAIT_MS).name()).isEqualTo("ready");
      awaitListening(events);

      JsonObject registered = send(nodes.clientB, HttpMethod.POST, "/" + group + "/i-1", null).bodyAsJsonObject();
      assertThat(events.await(e -> e.name().equals("instance-registered")
          && e.data().getString("group").equals(group), WAIT_MS, "registration via B").data())
          .isEqualTo(registered);

      JsonObject alert = send(nodes.clientB, HttpMethod.POST, "/alerts/events",
          EventStreamContract.alertEvent("a-" + UUID.randomUUID())).bodyAsJsonObject();
      assertThat(events.await(e -> e.name().equals("alert"), WAIT_MS, "alert via B").data()).isEqualTo(alert);

      String device = "d-" + UUID.randomUUID();
      send(nodes.clientB, HttpMethod.POST, "/ingest", "{\"id\":\"" + device
          + "\",\"readings\":[{\"timestamp\":\"2026-11-22T10:00:00Z\",\"count\":3}]}");
      assertThat(events.await(e -> e.name().equals("readings"), WAIT_MS, "readings via B").data()
          .getString("deviceId")).isEqualTo(device);

      String user = "u-" + UUID.randomUUID();
      send(nodes.clientB, HttpMethod.POST, "/users/" + user + "/streams", "{\"streamId\":\"s1\"}");
      assertThat(events.await(e -> e.name().equals("lease-started"), WAIT_MS, "stream start via B").data()
          .getString("userId")).isEqualTo(user);
    }
  }

  @Test
  @DisplayName("one instance renewed through both nodes reaches a stream at most once per period, with its latest state")
  void renewalsThroughBothNodesAreMerged(Vertx vertxA) {
    start(vertxA);

    try (SseClient events = SseClient.open(vertxA, nodes.nodeA.port(), "/events?topics=registry")) {
      assertThat(events.next(WAIT_MS).name()).isEqualTo("ready");
      awaitListening(events);
      send(nodes.clientA, HttpMethod.POST, "/" + group + "/busy", null);
      long started = System.currentTimeMillis();
      RenewalLog renewals = new RenewalLog();
      for (int i = 0; i < 40; i++) {
        renewals.sent(i, send(i % 2 == 0 ? nodes.clientA : nodes.clientB, HttpMethod.POST, "/" + group + "/busy",
            "{\"meta\":{\"n\":" + i + "}}").bodyAsJsonObject());
      }
      while (true) {
        SseClient.Event event = events.await(e -> e.name().equals("heartbeats"), WAIT_MS, "heartbeats");
        JsonArray instances = event.data().getJsonArray("instances");
        assertThat(instances).hasSize(1);
        if (renewals.received(instances.getJsonObject(0))) {
          break;
        }
      }
      long periods = (System.currentTimeMillis() - started) / COALESCE_MS + 1;
      assertThat(renewals.updates()).as("updates of an instance renewed 40 times through two nodes in %d periods", periods)
          .isLessThanOrEqualTo((int) periods).isLessThan(40);
    }
  }
}
