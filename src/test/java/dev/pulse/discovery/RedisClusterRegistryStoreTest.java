package dev.pulse.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Expired;
import dev.pulse.redis.RedisKeys;
import dev.pulse.support.ManualClock;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Redis registry store on a 3-master Redis Cluster")
class RedisClusterRegistryStoreTest extends RegistryStoreContract {

  private final LocalRedis cluster;

  RedisClusterRegistryStoreTest(LocalRedis cluster) {
    this.cluster = cluster;
  }

  private String prefix;

  @Override
  RegistryStore createStore(Vertx vertx, ManualClock clock, long ttlMs) {
    prefix = "test-" + UUID.randomUUID();
    return storeOn(vertx, prefix, clock, ttlMs);
  }

  private RegistryStore storeOn(Vertx vertx, String keyPrefix, ManualClock clock, long ttlMs) {
    return new RedisRegistryStore(cluster.clusterClient(vertx),
        new RedisKeys(keyPrefix), clock, ttlMs);
  }

  @Test
  @DisplayName("two stores (two nodes) sweeping the same keys at once remove each expired instance exactly once")
  void concurrentSweepsShareTheWork(Vertx vertx) {
    RegistryStore other = storeOn(vertx, prefix, clock, TTL);
    for (int i = 0; i < 60; i++) {
      store.heartbeat(group + "-" + (i % 6), "i-" + i, null).await();
    }
    clock.advance(TTL);

    Future<List<Instance>> mine = store.expire(1000).map(Expired::items);
    Future<List<Instance>> theirs = other.expire(1000).map(Expired::items);
    Future.all(mine, theirs).await();

    List<String> all = new ArrayList<>();
    mine.result().forEach(i -> all.add(i.group() + "/" + i.id()));
    theirs.result().forEach(i -> all.add(i.group() + "/" + i.id()));
    assertThat(all).hasSize(60).doesNotHaveDuplicates();
    assertThat(store.groups(null, 0).await().items()).isEmpty();
    other.close().await();
  }
}
