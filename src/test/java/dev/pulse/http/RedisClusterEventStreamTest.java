package dev.pulse.http;

import dev.pulse.support.LocalRedis;
import dev.pulse.support.NodeConfigs;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Live events (GET /events) on a 3-master Redis Cluster")
class RedisClusterEventStreamTest extends EventStreamContract {

  RedisClusterEventStreamTest(LocalRedis cluster) {
    super(NodeConfigs.redisCluster(cluster));
  }
}
