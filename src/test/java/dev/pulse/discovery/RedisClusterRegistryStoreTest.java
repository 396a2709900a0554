package dev.pulse.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.Expired;
import dev.pulse.redis.RedisKeys;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.ManualClock;
import dev.pulse.support.RedisClusterExtension;
import dev.pulse.support.TestConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
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
        new RedisKeys(keyPrefix), clock, ttlMs, TestConfig.LIST_BUDGET_MS);
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

  @Test
  @DisplayName("a listing past its time budget stops reading and fails with TIMEOUT; a page within it is served")
  void listingStopsWhenItsBudgetIsSpent(Vertx vertx) {
    // Budget 0: the first slice of names (200) is read, the next is refused.
    RegistryStore hurried = new RedisRegistryStore(cluster.clusterClient(vertx), new RedisKeys(prefix), clock, TTL, 0);
    List<Future<HeartbeatResult>> beats = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      beats.add(store.heartbeat(group + "-" + i, "i", null));
    }
    Future.all(beats).await();

    assertThatThrownBy(() -> hurried.groups(null, 0).await())
        .isInstanceOfSatisfying(ReplyException.class,
            failure -> assertThat(failure.failureType()).isEqualTo(ReplyFailure.TIMEOUT));
    assertThat(hurried.groups(null, 10).await().items()).hasSize(10);
    assertThat(store.groups(null, 0).await().items()).hasSize(201);
    hurried.close().await();
  }
}
