package dev.pulse.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Expired;
import dev.pulse.Page;
import dev.pulse.support.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RegistryStore} must have, run against each implementation. Time is a
 * {@link ManualClock}: expiry is tested by moving it, never by waiting.
 */
abstract class RegistryStoreContract {

  static final long TTL = 10_000;
  static final long START = 1_800_000_000_000L;

  ManualClock clock;
  RegistryStore store;
  String group;

  /** A store with its own key space, so tests never see each other's data. */
  abstract RegistryStore createStore(Vertx vertx, ManualClock clock, long ttlMs);

  @BeforeEach
  void createStore(Vertx vertx) {
    clock = new ManualClock(START);
    store = createStore(vertx, clock, TTL);
    store.start().await();
    group = "g-" + UUID.randomUUID();
  }

  @AfterEach
  void closeStore() {
    store.close().await();
  }

  @Test
  @DisplayName("a first heartbeat creates the instance with createdAt == updatedAt and empty meta")
  void firstHeartbeatCreates() {
    HeartbeatResult result = store.heartbeat(group, "a", null).await();

    assertThat(result.created()).isTrue();
    assertThat(result.replacedExpired()).isNull();
    assertThat(result.instance()).isEqualTo(new Instance("a", group, START, START, "{}"));
  }

  @Test
  @DisplayName("later heartbeats keep createdAt and strictly increase updatedAt, even within one millisecond")
  void renewalsIncreaseUpdatedAt() {
    store.heartbeat(group, "a", null).await();
    long previous = START;
    for (int i = 0; i < 5; i++) {
      HeartbeatResult renewal = store.heartbeat(group, "a", null).await();
      assertThat(renewal.created()).isFalse();
      assertThat(renewal.instance().createdAt()).isEqualTo(START);
      assertThat(renewal.instance().updatedAt()).isGreaterThan(previous);
      previous = renewal.instance().updatedAt();
    }
    clock.advance(1000);
    assertThat(store.heartbeat(group, "a", null).await().instance().updatedAt()).isEqualTo(START + 1000);
  }

  @Test
  @DisplayName("a heartbeat from a clock that is behind still moves updatedAt forward")
  void clockBehindStillIncreases() {
    clock.advance(500);
    long first = store.heartbeat(group, "a", null).await().instance().updatedAt();
    clock.advance(-200);

    long second = store.heartbeat(group, "a", null).await().instance().updatedAt();

    assertThat(second).isGreaterThan(first);
  }

  @Test
  @DisplayName("meta in a heartbeat replaces the stored meta; a heartbeat without meta keeps it")
  void metaReplacedOrKept() {
    store.heartbeat(group, "a", "{\"zone\":\"eu\"}").await();

    assertThat(store.heartbeat(group, "a", null).await().instance().meta()).isEqualTo("{\"zone\":\"eu\"}");
    assertThat(store.heartbeat(group, "a", "{\"zone\":\"us\",\"v\":2}").await().instance().meta())
        .isEqualTo("{\"zone\":\"us\",\"v\":2}");
    assertThat(store.instance(group, "a").await().meta()).isEqualTo("{\"zone\":\"us\",\"v\":2}");
  }

  @Test
  @DisplayName("a group lists its live instances oldest first, ties broken by id")
  void instancesOldestFirst() {
    store.heartbeat(group, "c", null).await();
    store.heartbeat(group, "b", null).await();
    clock.advance(5);
    store.heartbeat(group, "a", null).await();
    store.heartbeat(group, "c", null).await(); // a renewal does not move c
    store.heartbeat("other-" + group, "z", null).await();

    assertThat(ids(store.instances(group, null, 0).await())).containsExactly("b", "c", "a");
    assertThat(store.instances("unknown-" + group, null, 0).await().items()).isEmpty();
  }

  @Test
  @DisplayName("groups are listed by name with their live count, earliest createdAt and latest updatedAt")
  void groupSummaries() {
    String first = group + "-a";
    String second = group + "-b";
    store.heartbeat(second, "x", null).await();
    clock.advance(10);
    store.heartbeat(first, "x", null).await();
    clock.advance(10);
    store.heartbeat(first, "y", null).await();
    clock.advance(10);
    store.heartbeat(first, "x", null).await();

    assertThat(store.groups(null, 0).await().items()).containsExactly(
        new GroupSummary(first, 2, START + 10, START + 30),
        new GroupSummary(second, 1, START, START));
  }

  @Test
  @DisplayName("reads never show an instance whose last heartbeat is a TTL old, before any sweep")
  void readsHideExpiredBeforeSweep() {
    store.heartbeat(group, "old", null).await();
    clock.advance(TTL / 2);
    store.heartbeat(group, "young", null).await();
    clock.advance(TTL / 2);

    assertThat(ids(store.instances(group, null, 0).await())).containsExactly("young");
    assertThat(store.instance(group, "old").await()).isNull();
    assertThat(store.groups(null, 0).await().items())
        .containsExactly(new GroupSummary(group, 1, START + TTL / 2, START + TTL / 2));

    clock.advance(TTL / 2);
    assertThat(store.instances(group, null, 0).await().items()).isEmpty();
    assertThat(store.groups(null, 0).await().items()).isEmpty();
  }

  @Test
  @DisplayName("a sweep removes exactly the expired instances, returns them once, and keeps the live ones")
  void expireRemovesStaleOnly() {
    store.heartbeat(group, "stale-1", "{\"n\":1}").await();
    store.heartbeat(group + "-2", "stale-2", null).await();
    clock.advance(TTL / 2);
    store.heartbeat(group, "live", null).await();
    clock.advance(TTL / 2);

    List<Instance> expired = store.expire(100).await().items();

    assertThat(expired).extracting(Instance::id).containsExactlyInAnyOrder("stale-1", "stale-2");
    assertThat(expired).filteredOn(i -> i.id().equals("stale-1")).singleElement()
        .isEqualTo(new Instance("stale-1", group, START, START, "{\"n\":1}"));
    assertThat(store.expire(100).await().items()).isEmpty();
    assertThat(ids(store.instances(group, null, 0).await())).containsExactly("live");

    clock.advance(TTL / 2);
    assertThat(store.expire(100).await().items()).extracting(Instance::id).containsExactly("live");
    assertThat(store.groups(null, 0).await().items()).isEmpty();
  }

  @Test
  @DisplayName("a sweep removes at most its batch size, says more is due, and the next sweeps finish the work")
  void expireHonoursBatchSize() {
    for (int g = 0; g < 4; g++) {
      for (int i = 0; i < 3; i++) {
        store.heartbeat(group + "-" + g, "i" + i, null).await();
      }
    }
    clock.advance(TTL);

    int total = 0;
    for (int sweep = 0; sweep < 20 && total < 12; sweep++) {
      Expired<Instance> expired = store.expire(2).await();
      assertThat(expired.items()).hasSizeLessThanOrEqualTo(2);
      total += expired.items().size();
      if (total < 12) {
        assertThat(expired.more()).as("more is due after sweep " + sweep).isTrue();
      }
    }

    assertThat(total).isEqualTo(12);
    assertThat(store.expire(2).await().items()).isEmpty();
    assertThat(store.groups(null, 0).await().items()).isEmpty();
  }

  @Test
  @DisplayName("an instance renewed many times in one millisecond does not stop a sweep from reaching older ones")
  void bumpedRenewalsDoNotBlockSweeps() {
    store.heartbeat(group, "busy", null).await();
    store.heartbeat(group, "busy", null).await();
    store.heartbeat(group, "busy", null).await();
    store.heartbeat(group, "quiet", null).await();
    clock.advance(TTL + 1);

    assertThat(store.expire(100).await().items()).extracting(Instance::id).contains("quiet");
  }

  @Test
  @DisplayName("renewing or deregistering the stalest, a middle and the freshest instance keeps the sweep order")
  void sweepOrderAfterRenewalsAndRemovals() {
    for (String id : List.of("a", "b", "c", "d", "e")) {
      store.heartbeat(group, id, null).await();
      clock.advance(10);
    }
    store.heartbeat(group, "a", null).await(); // the stalest becomes the freshest
    store.heartbeat(group, "c", null).await(); // one from the middle
    store.heartbeat(group, "c", null).await(); // the freshest again (updatedAt bumped to START + 51)
    assertThat(store.deregister(group, "d").await()).isTrue(); // from the middle
    assertThat(store.deregister(group, "b").await()).isTrue(); // the stalest

    clock.advance(TTL - 10); // e's last heartbeat (START + 40) is a TTL old; a and c beat at START + 50
    assertThat(store.expire(100).await().items()).extracting(Instance::id).containsExactly("e");
    clock.advance(10);
    assertThat(store.expire(100).await().items()).extracting(Instance::id).containsExactly("a");
    clock.advance(1);
    assertThat(store.expire(100).await().items()).extracting(Instance::id).containsExactly("c");
    assertThat(store.groups(null, 0).await().items()).isEmpty();
  }

  @Test
  @DisplayName("a heartbeat for an expired but unswept instance registers it anew and reports the stale one")
  void reRegistrationAfterExpiry() {
    store.heartbeat(group, "a", "{\"gen\":1}").await();
    clock.advance(TTL + 1);

    HeartbeatResult result = store.heartbeat(group, "a", null).await();

    assertThat(result.created()).isTrue();
    assertThat(result.instance()).isEqualTo(new Instance("a", group, START + TTL + 1, START + TTL + 1, "{}"));
    assertThat(result.replacedExpired()).isEqualTo(new Instance("a", group, START, START, "{\"gen\":1}"));
    assertThat(store.expire(100).await().items()).isEmpty();
  }

  @Test
  @DisplayName("deregistering removes a live instance once; unknown and expired instances are not found")
  void deregister() {
    store.heartbeat(group, "a", null).await();
    store.heartbeat(group, "b", null).await();

    assertThat(store.deregister(group, "a").await()).isTrue();
    assertThat(store.deregister(group, "a").await()).isFalse();
    assertThat(store.deregister(group, "never").await()).isFalse();
    assertThat(ids(store.instances(group, null, 0).await())).containsExactly("b");

    clock.advance(TTL);
    assertThat(store.deregister(group, "b").await()).isFalse();
    assertThat(store.expire(100).await().items()).extracting(Instance::id).containsExactly("b");
  }

  @Test
  @DisplayName("instances and groups page through with a limit and the key of the last item")
  void pagination() {
    for (String id : List.of("a", "b", "c", "d", "e")) {
      store.heartbeat(group, id, null).await();
      store.heartbeat(group + "-" + id, "x", null).await();
    }

    Page<Instance> first = store.instances(group, null, 2).await();
    Page<Instance> second = store.instances(group, first.nextKey(), 2).await();
    Page<Instance> last = store.instances(group, second.nextKey(), 2).await();
    assertThat(ids(first)).containsExactly("a", "b");
    assertThat(ids(second)).containsExactly("c", "d");
    assertThat(ids(last)).containsExactly("e");
    assertThat(last.nextKey()).isNull();

    Page<GroupSummary> groups = store.groups(null, 4).await();
    Page<GroupSummary> rest = store.groups(groups.nextKey(), 4).await();
    assertThat(groups.items()).extracting(GroupSummary::group)
        .containsExactly(group, group + "-a", group + "-b", group + "-c");
    assertThat(rest.items()).extracting(GroupSummary::group).containsExactly(group + "-d", group + "-e");
    assertThat(rest.nextKey()).isNull();
  }

  @Test
  @DisplayName("group pages skip groups whose instances all expired, one live group at a time")
  void groupPagesSkipExpiredGroups() {
    for (String suffix : List.of("a", "b", "c", "d", "e")) {
      store.heartbeat(group + "-" + suffix, "x", null).await();
    }
    clock.advance(TTL / 2);
    for (String suffix : List.of("a", "c", "e")) {
      store.heartbeat(group + "-" + suffix, "x", null).await();
    }
    clock.advance(TTL / 2);

    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      Page<GroupSummary> page = store.groups(after, 1).await();
      page.items().forEach(summary -> seen.add(summary.group()));
      after = page.nextKey();
    } while (after != null);

    assertThat(seen).containsExactly(group + "-a", group + "-c", group + "-e");
  }

  @Test
  @DisplayName("a large group pages through every live instance once, in order, skipping expired ones")
  void largeGroupPages() {
    for (int i = 0; i < 700; i++) {
      store.heartbeat(group, String.format("i%04d", i), null).await();
      if (i % 7 == 0) {
        clock.advance(1); // several instances per millisecond: ties are ordered by id
      }
    }
    clock.advance(TTL / 2);
    List<String> renewed = new ArrayList<>();
    for (int i = 0; i < 700; i += 10) {
      renewed.add(String.format("i%04d", i));
      store.heartbeat(group, renewed.get(renewed.size() - 1), null).await();
    }
    clock.advance(TTL / 2); // only the renewed tenth is still live

    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      Page<Instance> page = store.instances(group, after, 97).await();
      assertThat(page.items()).hasSizeLessThanOrEqualTo(97);
      seen.addAll(ids(page));
      after = page.nextKey();
    } while (after != null);

    assertThat(seen).containsExactlyElementsOf(renewed);
  }

  @Test
  @DisplayName("200 concurrent first heartbeats for one instance create it exactly once")
  void concurrentFirstHeartbeats() {
    List<Future<HeartbeatResult>> beats = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      beats.add(store.heartbeat(group, "racer", null));
    }
    Future.all(beats).await();

    assertThat(beats).filteredOn(beat -> beat.result().created()).hasSize(1);
    assertThat(beats.stream().map(beat -> beat.result().instance().updatedAt()).distinct()).hasSize(200);
    assertThat(ids(store.instances(group, null, 0).await())).containsExactly("racer");
  }

  static List<String> ids(Page<Instance> page) {
    return page.items().stream().map(Instance::id).toList();
  }
}
