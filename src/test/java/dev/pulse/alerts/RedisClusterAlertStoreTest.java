package dev.pulse.alerts;

import dev.pulse.redis.RedisKeys;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Redis alert store on a 3-master Redis Cluster")
class RedisClusterAlertStoreTest extends AlertStoreContract {

  private final LocalRedis cluster;

  RedisClusterAlertStoreTest(LocalRedis cluster) {
    this.cluster = cluster;
  }

  @Override
  AlertStore newStore(Vertx vertx) {
    return new RedisAlertStore(vertx, cluster.clusterClient(vertx), new RedisKeys("test-" + UUID.randomUUID()));
  }
}
