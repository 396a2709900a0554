package dev.pulse.http;

import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import dev.pulse.support.NodeConfigs;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Readings API on the 3-master Redis Cluster")
class RedisClusterReadingApiTest extends ReadingApiContract {

  RedisClusterReadingApiTest(LocalRedis cluster) {
    super(NodeConfigs.redisCluster(cluster));
  }
}
