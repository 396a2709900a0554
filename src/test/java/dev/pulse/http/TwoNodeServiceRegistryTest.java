package dev.pulse.http;

import static dev.pulse.http.NodeContract.concurrently;
import static dev.pulse.http.NodeContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Pulse;
import dev.pulse.support.Eventually;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import dev.pulse.support.TargetServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service registry with two Pulse nodes (two Vert.x instances) on one Redis Cluster. */
@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Service registry across two Pulse nodes on one Redis Cluster")
class TwoNodeServiceRegistryTest {

  private static final long INTERVAL = 200;

  private final TwoNodes nodes;
  private final String name = "svc-" + UUID.randomUUID().toString().substring(0, 8);
  private Vertx vertxA;

  TwoNodeServiceRegistryTest(LocalRedis cluster) {
    nodes = new TwoNodes(cluster);
  }

  @BeforeEach
  void startNodeA(Vertx vertx) {
    vertxA = vertx;
    nodes.startA(vertxA, Map.of());
  }

  @AfterEach
  void stop() {
    nodes.stop();
  }

  private String definition(String version, String check, String... endpoints) {
    JsonObject body = new JsonObject().put("name", name).put("version", version)
        .put("endpoints", new JsonArray(List.of((Object[]) endpoints)));
    if (check != null) {
      body.put("healthCheck", new JsonObject(check));
    }
    return body.encode();
  }

  private static List<String> ids(HttpResponse<Buffer> response) {
    List<String> ids = new ArrayList<>();
    response.bodyAsJsonArray().forEach(instance -> ids.add(((JsonObject) instance).getString("id")));
    return ids;
  }

  /** The shortest time between two consecutive probes of {@code path} from index {@code from} on. */
  private static long shortestGap(List<Long> arrivals, int from) {
    long shortest = Long.MAX_VALUE;
    for (int i = Math.max(1, from); i < arrivals.size(); i++) {
      shortest = Math.min(shortest, arrivals.get(i) - arrivals.get(i - 1));
    }
    return shortest;
  }

  private static long longestGap(List<Long> arrivals, int from) {
    long longest = 0;
    for (int i = Math.max(1, from); i < arrivals.size(); i++) {
      longest = Math.max(longest, arrivals.get(i) - arrivals.get(i - 1));
    }
    return longest;
  }

  @Test
  @DisplayName("each instance is probed by one node once per interval, not by both; when that node stops the other takes over")
  void probeOwnershipAndTakeover() {
    TargetServer target = TargetServer.start(vertxA);
    try {
      String check = "{\"path\":\"/health\",\"interval\":" + INTERVAL + ",\"timeout\":100,\"threshold\":1}";
      assertThat(send(nodes.clientA, HttpMethod.POST, "/services",
          definition("1", check, target.url("a"), target.url("b"), target.url("c"))).statusCode()).isEqualTo(201);
      List<String> paths = List.of("/a/health", "/b/health", "/c/health");
      Eventually.poll(vertxA, 5000, "node A probes every instance",
          () -> Future.succeededFuture(paths.stream().allMatch(p -> target.arrivals(p).size() >= 2))).await();

      nodes.startB(Map.of());
      int[] sinceB = paths.stream().mapToInt(p -> target.arrivals(p).size()).toArray();
      Eventually.poll(vertxA, 10_000, "10 more probes of each instance with both nodes up",
          () -> Future.succeededFuture(allGrew(target, paths, sinceB, 10))).await();
      for (int i = 0; i < paths.size(); i++) {
        List<Long> arrivals = target.arrivals(paths.get(i));
        long spanMs = arrivals.get(arrivals.size() - 1) - arrivals.get(sinceB[i]);
        long probes = arrivals.size() - 1 - sinceB[i];
        assertThat(shortestGap(arrivals, sinceB[i] + 1)).as("gap between probes of %s", paths.get(i))
            .isGreaterThan(INTERVAL / 2);
        assertThat(probes).as("probes of %s in %d ms", paths.get(i), spanMs).isLessThanOrEqualTo(spanMs / INTERVAL + 1);
      }

      nodes.stopA();
      int[] sinceStop = paths.stream().mapToInt(p -> target.arrivals(p).size()).toArray();
      Eventually.poll(nodes.vertxB, 10_000, "node B takes every instance over",
          () -> Future.succeededFuture(allGrew(target, paths, sinceStop, 5))).await();
      for (int i = 0; i < paths.size(); i++) {
        List<Long> arrivals = target.arrivals(paths.get(i));
        assertThat(longestGap(arrivals, sinceStop[i])).as("longest pause in probing %s across the takeover",
            paths.get(i)).isLessThan(INTERVAL * 5);
        assertThat(shortestGap(arrivals, sinceStop[i])).isGreaterThan(INTERVAL / 2);
      }
      assertThat(target.maxOpen()).isEqualTo(1);
      JsonObject metrics = send(nodes.clientB, HttpMethod.GET, "/discovery/metrics", null).bodyAsJsonObject();
      assertThat(metrics.getLong("healthChecks")).as("probes summed over both nodes")
          .isEqualTo(target.requests());
    } finally {
      target.close();
    }
  }

  private static boolean allGrew(TargetServer target, List<String> paths, int[] since, int by) {
    for (int i = 0; i < paths.size(); i++) {
      if (target.arrivals(paths.get(i)).size() < since[i] + by) {
        return false;
      }
    }
    return true;
  }

  @Test
  @DisplayName("a change through node A drops node B's cached lookups at once: additions, removals, heartbeats and health")
  void cacheInvalidationAcrossNodes() {
    nodes.startB(Map.of());
    TargetServer target = TargetServer.start(vertxA);
    try {
      send(nodes.clientA, HttpMethod.POST, "/services", definition("1.0.0", null, "http://a:1"));
      String instances = "/services/" + name + "/instances";
      assertThat(ids(send(nodes.clientB, HttpMethod.GET, instances, null))).containsExactly(name + "-1");

      send(nodes.clientA, HttpMethod.POST, "/services", definition("2.0.0", null, "http://b:1"));
      long visibleAfter = timeUntil(() -> ids(send(nodes.clientB, HttpMethod.GET, instances, null)).size() == 2);
      // The budget is 100 ms; a loaded CI machine gets 5 times that before this counts as a failure.
      assertThat(visibleAfter).as("ms until node B saw the addition").isLessThan(500);
      assertThat(ids(send(nodes.clientB, HttpMethod.GET, instances + "?version=%5E2", null))).containsExactly(name + "-2");

      send(nodes.clientB, HttpMethod.DELETE, "/services/" + name + "/instances/" + name + "-1", null);
      timeUntil(() -> ids(send(nodes.clientA, HttpMethod.GET, instances, null)).equals(List.of(name + "-2")));
      for (int i = 0; i < 6; i++) {
        assertThat(send(nodes.clientA, HttpMethod.GET, "/services/" + name + "/resolve", null).bodyAsJsonObject()
            .getString("id")).isEqualTo(name + "-2");
      }

      // One registry: a heartbeat registration through A and its deregistration through B reach the other's cache.
      send(nodes.clientA, HttpMethod.POST, "/" + name + "/hb-1", "{\"meta\":{\"address\":\"http://hb:1\"}}");
      timeUntil(() -> ids(send(nodes.clientB, HttpMethod.GET, instances, null)).contains("hb-1"));
      send(nodes.clientB, HttpMethod.DELETE, "/" + name + "/hb-1", null);
      timeUntil(() -> !ids(send(nodes.clientA, HttpMethod.GET, instances, null)).contains("hb-1"));

      target.mode(TargetServer.Mode.FAILING);
      send(nodes.clientA, HttpMethod.POST, "/services", definition("2.0.0",
          "{\"interval\":" + INTERVAL + ",\"timeout\":100,\"threshold\":1}", "http://b:1", target.url("c")));
      // Probed by whichever node holds the claim; node B's cache must drop the service on each status change.
      timeUntil(() -> ids(send(nodes.clientB, HttpMethod.GET, instances + "?status=unhealthy", null)).contains(name + "-3"));
    } finally {
      target.close();
    }
  }

  /** Polls {@code condition} every 5 ms until it holds (at most 5 s) and returns how long that took. */
  private long timeUntil(java.util.function.BooleanSupplier condition) {
    long started = System.nanoTime();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - started).as("condition not met within 5 s").isLessThan(5_000_000_000L);
      vertxA.timer(5).await();
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  @DisplayName("20 concurrent registrations of one definition through both nodes: one 201, the same ids, no duplicates")
  void concurrentRegistration() {
    nodes.startB(Map.of());
    String body = definition("1", null, "http://a:1", "http://b:1", "http://c:1");
    List<HttpResponse<Buffer>> responses = concurrently(20, i -> (i % 2 == 0 ? nodes.clientA : nodes.clientB)
        .post("/services").sendBuffer(Buffer.buffer(body)));
    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(19);
    assertThat(responses).allMatch(r -> r.bodyAsJsonObject().getJsonArray("instances").size() == 3);
    assertThat(ids(send(nodes.clientB, HttpMethod.GET, "/services/" + name + "/instances", null)))
        .containsExactly(name + "-1", name + "-2", name + "-3");
  }
}
