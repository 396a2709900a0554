package dev.pulse.http;

import static dev.pulse.http.NodeContract.clientFor;

import dev.pulse.Pulse;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;

/**
 * Two Pulse nodes on one Redis Cluster and one key prefix, each with its own Vert.x as two
 * processes would have: node A on the test's Vert.x, node B on one of its own. What the multi-node
 * suites start, talk to and stop.
 */
final class TwoNodes {

  private final LocalRedis cluster;
  private final String prefix = TestConfig.uniquePrefix();
  final Vertx vertxB = Vertx.vertx();
  Pulse nodeA;
  Pulse nodeB;
  WebClient clientA;
  WebClient clientB;

  TwoNodes(LocalRedis cluster) {
    this.cluster = cluster;
  }

  /** Both nodes, with the same {@code PULSE_*} overrides. */
  void start(Vertx vertxA, Map<String, String> env) {
    startA(vertxA, env);
    startB(env);
  }

  void startA(Vertx vertxA, Map<String, String> env) {
    nodeA = Pulse.deploy(vertxA, TestConfig.redis(cluster, prefix, env)).await();
    clientA = clientFor(vertxA, nodeA);
  }

  void startB(Map<String, String> env) {
    nodeB = Pulse.deploy(vertxB, TestConfig.redis(cluster, prefix, env)).await();
    clientB = clientFor(vertxB, nodeB);
  }

  /** Stops node A while B goes on (a node dying, as far as B can tell). */
  void stopA() {
    nodeA.stop().await();
    nodeA = null;
  }

  /** Stops what still runs and closes node B's Vert.x; for {@code @AfterEach}. */
  void stop() {
    if (nodeA != null) {
      nodeA.stop().await();
    }
    if (nodeB != null) {
      nodeB.stop().await();
    }
    vertxB.close().await();
  }
}
