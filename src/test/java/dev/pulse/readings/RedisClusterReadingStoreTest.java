package dev.pulse.readings;

import dev.pulse.redis.RedisKeys;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.ManualClock;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
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
    RedisOptions options = new RedisOptions().setType(RedisClientType.CLUSTER).setMaxPoolSize(8)
        .setMaxPoolWaiting(1000).setMaxWaitingHandlers(1000);
    cluster.endpoints().forEach(options::addConnectionString);
    return new RedisReadingStore(Redis.createClient(vertx, options), new RedisKeys("test-" + UUID.randomUUID()),
        clock, retentionMs);
  }
}
