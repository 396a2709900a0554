package dev.pulse.http;

import dev.pulse.support.LocalRedis;
import dev.pulse.support.NodeConfigs;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Service registry API on a 3-master Redis Cluster")
class RedisClusterServiceApiTest extends ServiceApiContract {

  RedisClusterServiceApiTest(LocalRedis cluster) {
    super(NodeConfigs.redisCluster(cluster));
  }
}
