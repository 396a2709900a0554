package dev.pulse.http;

import dev.pulse.support.NodeConfigs;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Heartbeat API on a 3-master Redis Cluster")
class RedisClusterHeartbeatApiTest extends HeartbeatApiContract {

  RedisClusterHeartbeatApiTest(LocalRedis cluster) {
    super(NodeConfigs.redisCluster(cluster));
  }
}
