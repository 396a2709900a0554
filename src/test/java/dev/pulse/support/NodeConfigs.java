package dev.pulse.support;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** How a test class configures the Pulse nodes it starts: on the memory store or on a Redis Cluster. */
public interface NodeConfigs {

  /** The configuration of the test's main node (and of nodes that must share its state). */
  JsonObject shared(Map<String, String> env);

  /**
   * The configuration of an extra node that shares no state with the main node (on Redis, a key
   * prefix of its own): nodes of one deployment must agree on TTLs, such test nodes deliberately do not.
   */
  JsonObject isolated(Map<String, String> env);

  static NodeConfigs memory() {
    return new NodeConfigs() {
      @Override
      public JsonObject shared(Map<String, String> env) {
        return TestConfig.memory(env);
      }

      @Override
      public JsonObject isolated(Map<String, String> env) {
        return TestConfig.memory(env);
      }
    };
  }

  /** Nodes on {@code cluster}; the main node's keys live under a prefix unique to this instance. */
  static NodeConfigs redisCluster(LocalRedis cluster) {
    String prefix = TestConfig.uniquePrefix();
    return new NodeConfigs() {
      @Override
      public JsonObject shared(Map<String, String> env) {
        return TestConfig.redis(cluster, prefix, env);
      }

      @Override
      public JsonObject isolated(Map<String, String> env) {
        return TestConfig.redis(cluster, TestConfig.uniquePrefix(), env);
      }
    };
  }
}
