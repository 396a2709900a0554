package dev.pulse.readings;

import dev.pulse.redis.RedisKeys;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.ManualClock;
import dev.pulse.support.RedisClusterExtension;
import dev.pulse.support.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Redis reading store on a 3-master Redis Cluster")
class RedisClusterReadingStoreTest extends ReadingStoreContract {

  private final LocalRedis cluster;

  RedisClusterReadingStoreTest(LocalRedis cluster) {
    this.cluster = cluster;
  }

  @Override
  ReadingStore newStore(Vertx vertx, ManualClock clock, long retentionMs) {
    return new RedisReadingStore(cluster.clusterClient(vertx), new RedisKeys("test-" + UUID.randomUUID()),
        clock, retentionMs, TestConfig.LIST_BUDGET_MS);
  }
}
