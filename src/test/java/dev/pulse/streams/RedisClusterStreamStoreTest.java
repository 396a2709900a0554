package dev.pulse.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Expired;
import dev.pulse.redis.RedisKeys;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.ManualClock;
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
@DisplayName("Redis stream store on a 3-master Redis Cluster")
class RedisClusterStreamStoreTest extends StreamStoreContract {

  private final LocalRedis cluster;
  private String prefix;

  RedisClusterStreamStoreTest(LocalRedis cluster) {
    this.cluster = cluster;
  }

  @Override
  StreamStore createStore(Vertx vertx, ManualClock clock, long leaseMs, int defaultLimit) {
    prefix = "test-" + UUID.randomUUID();
    return storeOn(vertx, prefix, clock, leaseMs, defaultLimit);
  }

  private StreamStore storeOn(Vertx vertx, String keyPrefix, ManualClock clock, long leaseMs, int defaultLimit) {
    return new RedisStreamStore(cluster.clusterClient(vertx), new RedisKeys(keyPrefix), clock, leaseMs,
        defaultLimit);
  }

  @Test
  @DisplayName("two stores (two nodes) sweeping the same users at once remove each expired lease exactly once")
  void concurrentSweepsShareTheWork(Vertx vertx) {
    StreamStore other = storeOn(vertx, prefix, clock, LEASE, LIMIT);
    for (int i = 0; i < 30; i++) {
      store.acquire(user + "-" + (i % 10), "s" + i, null, null).await();
    }
    clock.advance(LEASE);

    Future<List<Lease>> mine = store.expire(1000).map(Expired::items);
    Future<List<Lease>> theirs = other.expire(1000).map(Expired::items);
    Future.all(mine, theirs).await();

    List<String> all = new ArrayList<>();
    mine.result().forEach(l -> all.add(l.userId() + "/" + l.streamId()));
    theirs.result().forEach(l -> all.add(l.userId() + "/" + l.streamId()));
    assertThat(all).hasSize(30).doesNotHaveDuplicates();
    other.close().await();
  }
}
