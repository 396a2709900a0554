package dev.pulse.http;

import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import dev.pulse.support.TestConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Heartbeat API on a 3-master Redis Cluster")
class RedisClusterHeartbeatApiTest extends HeartbeatApiContract {

  private final LocalRedis cluster;
  private final String prefix = TestConfig.uniquePrefix();

  RedisClusterHeartbeatApiTest(LocalRedis cluster) {
    this.cluster = cluster;
  }

  @Override
  JsonObject config(Map<String, String> env) {
    return TestConfig.redis(cluster, prefix, env);
  }

  @Override
  JsonObject isolatedConfig(Map<String, String> env) {
    return TestConfig.redis(cluster, TestConfig.uniquePrefix(), env);
  }
}
