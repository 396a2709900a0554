package dev.pulse.streams;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The behaviour every {@link StreamStore} must have, with time on a {@link ManualClock}. */
abstract class StreamStoreContract {

  static final long LEASE = 60_000;
  static final int LIMIT = 3;
  static final long START = 1_800_000_000_000L;

  ManualClock clock;
  StreamStore store;
  String user;

  abstract StreamStore createStore(Vertx vertx, ManualClock clock, long leaseMs, int defaultLimit);

  @BeforeEach
  void createStore(Vertx vertx) {
    clock = new ManualClock(START);
    store = createStore(vertx, clock, LEASE, LIMIT);
    store.start().await();
    user = "u-" + UUID.randomUUID();
  }

  @AfterEach
  void closeStore() {
    store.close().await();
  }

  Admission start(String streamId) {
    return store.acquire(user, streamId, "content-" + streamId, null).await();
  }

  static List<String> ids(List<Lease> leases) {
    return leases.stream().map(Lease::streamId).toList();
  }

  @Test
  @DisplayName("streams are admitted up to the limit, then refused with the streams that hold the slots")
  void admitsUpToLimit() {
    Admission first = start("s1");
    assertThat(first.outcome()).isEqualTo(Admission.Outcome.ADMITTED);
    assertThat(first.lease()).isEqualTo(new Lease(user, "s1", "content-s1", null, START, START + LEASE));
    assertThat(first.limit()).isEqualTo(LIMIT);
    clock.advance(1);
    start("s2");
    clock.advance(1);
    Admission third = start("s3");
    assertThat(third.active()).isEqualTo(3);
    assertThat(third.holders()).as("only a refusal lists the leases").isEmpty();

    Admission refused = start("s4");

    assertThat(refused.outcome()).isEqualTo(Admission.Outcome.REFUSED);
    assertThat(refused.lease()).isNull();
    assertThat(refused.active()).isEqualTo(3);
    assertThat(ids(refused.holders())).containsExactly("s1", "s2", "s3");
    assertThat(store.streams(user).await().active()).isEqualTo(3);
  }

  @Test
  @DisplayName("content and device ids come back exactly as sent: quotes, backslashes, key-like text, nulls")
  void leaseLabelsRoundTrip() {
    List<Lease> sent = List.of(
        new Lease(user, "s1", "say \"hi\"", "c:\\tv", START, START + LEASE),
        new Lease(user, "s2", "\"deviceId\":\"x\"", null, START, START + LEASE),
        new Lease(user, "s3", null, "deviceId", START, START + LEASE));
    for (Lease lease : sent) {
      assertThat(store.acquire(user, lease.streamId(), lease.contentId(), lease.deviceId()).await().lease())
          .isEqualTo(lease);
    }
    assertThat(store.acquire(user, "s4", "x", "y").await().holders()).containsExactlyElementsOf(sent);
  }

  @Test
  @DisplayName("starting an active stream again renews it and takes no second slot, even at the limit")
  void retryRenews() {
    start("s1");
    start("s2");
    start("s3");
    clock.advance(1000);

    Admission retry = store.acquire(user, "s1", "other-content", "tv").await();

    assertThat(retry.outcome()).isEqualTo(Admission.Outcome.RENEWED);
    assertThat(retry.lease()).isEqualTo(new Lease(user, "s1", "content-s1", null, START, START + 1000 + LEASE));
    assertThat(retry.active()).isEqualTo(3);
    assertThat(retry.holders()).isEmpty();
  }

  @Test
  @DisplayName("a lease not renewed in time frees its slot, and the step that drops it reports it")
  void expiredLeasesFreeSlots() {
    start("s1");
    clock.advance(LEASE / 2);
    start("s2");
    start("s3");
    clock.advance(LEASE / 2);

    assertThat(ids(store.streams(user).await().streams())).containsExactly("s2", "s3");
    Admission admitted = start("s4");

    assertThat(admitted.outcome()).isEqualTo(Admission.Outcome.ADMITTED);
    assertThat(ids(admitted.expired())).containsExactly("s1");
    assertThat(admitted.active()).isEqualTo(3);
    assertThat(ids(store.streams(user).await().streams())).containsExactly("s2", "s3", "s4");
    assertThat(store.expire(100).await().items()).isEmpty();
  }

  @Test
  @DisplayName("a heartbeat extends an active lease; unknown and expired leases are not found")
  void renew() {
    start("s1");
    clock.advance(LEASE - 1);

    Lease renewed = store.renew(user, "s1").await();
    assertThat(renewed).isEqualTo(new Lease(user, "s1", "content-s1", null, START, START + 2 * LEASE - 1));
    assertThat(store.renew(user, "unknown").await()).isNull();
    assertThat(store.renew("nobody-" + user, "s1").await()).isNull();

    clock.advance(LEASE);
    assertThat(store.renew(user, "s1").await()).isNull();
  }

  @Test
  @DisplayName("stopping a stream frees its slot once; unknown or expired streams are not found")
  void release() {
    start("s1");
    start("s2");
    start("s3");

    assertThat(store.release(user, "s2").await()).isTrue();
    assertThat(store.release(user, "s2").await()).isFalse();
    assertThat(store.release(user, "never").await()).isFalse();
    assertThat(start("s4").outcome()).isEqualTo(Admission.Outcome.ADMITTED);

    clock.advance(LEASE);
    assertThat(store.release(user, "s1").await()).isFalse();
    assertThat(ids(store.expire(100).await().items())).containsExactlyInAnyOrder("s1", "s3", "s4");
  }

  @Test
  @DisplayName("a user's streams list only active leases, oldest first, with the limit; an unknown user has none")
  void listStreams() {
    start("b");
    clock.advance(1);
    start("a");

    UserStreams streams = store.streams(user).await();
    assertThat(streams.userId()).isEqualTo(user);
    assertThat(streams.limit()).isEqualTo(LIMIT);
    assertThat(streams.active()).isEqualTo(2);
    assertThat(ids(streams.streams())).containsExactly("b", "a");
    assertThat(store.streams("nobody-" + user).await()).isEqualTo(new UserStreams("nobody-" + user, LIMIT, 0, List.of()));
  }

  @Test
  @DisplayName("a per-user limit replaces the default, 0 refuses every stream, and removing it restores the default")
  void perUserLimit() {
    assertThat(store.limit(user).await()).isEqualTo(new StreamLimit(user, LIMIT, false));
    assertThat(store.setLimit(user, 5).await()).isEqualTo(new StreamLimit(user, 5, true));
    for (int i = 0; i < 5; i++) {
      assertThat(start("s" + i).outcome()).isEqualTo(Admission.Outcome.ADMITTED);
    }
    assertThat(start("s5").limit()).isEqualTo(5);
    assertThat(start("s5").outcome()).isEqualTo(Admission.Outcome.REFUSED);

    store.setLimit(user, 0).await();
    assertThat(start("s0").outcome()).as("an active stream still renews").isEqualTo(Admission.Outcome.RENEWED);
    assertThat(start("new").outcome()).isEqualTo(Admission.Outcome.REFUSED);
    assertThat(store.streams(user).await().limit()).isZero();

    assertThat(store.setLimit(user, null).await()).isEqualTo(new StreamLimit(user, LIMIT, false));
    assertThat(store.limit(user).await()).isEqualTo(new StreamLimit(user, LIMIT, false));
  }

  @Test
  @DisplayName("a sweep removes exactly the expired leases, once, and stops at its batch size")
  void sweep() {
    start("s1");
    start("s2");
    clock.advance(LEASE / 2);
    start("s3");
    clock.advance(LEASE / 2);

    assertThat(ids(store.expire(1).await().items())).hasSize(1);
    assertThat(ids(store.expire(100).await().items())).hasSize(1);
    assertThat(store.expire(100).await().items()).isEmpty();
    assertThat(ids(store.streams(user).await().streams())).containsExactly("s3");
  }

  @Test
  @DisplayName("200 concurrent starts with distinct stream ids admit exactly the limit")
  void concurrentStarts() {
    List<Future<Admission>> starts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      starts.add(store.acquire(user, "s" + i, null, null));
    }
    Future.all(starts).await();

    assertThat(starts).filteredOn(s -> s.result().outcome() == Admission.Outcome.ADMITTED).hasSize(LIMIT);
    assertThat(starts).filteredOn(s -> s.result().outcome() == Admission.Outcome.REFUSED).hasSize(200 - LIMIT);
    assertThat(store.streams(user).await().active()).isEqualTo(LIMIT);
  }
}
