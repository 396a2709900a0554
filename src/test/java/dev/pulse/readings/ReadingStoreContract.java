package dev.pulse.readings;

import static dev.pulse.readings.ReadingStore.Outcome.ACCEPTED;
import static dev.pulse.readings.ReadingStore.Outcome.DUPLICATE;
import static dev.pulse.readings.ReadingStore.Outcome.TOO_OLD;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The behaviour every {@link ReadingStore} must have. */
abstract class ReadingStoreContract {

  static final long NOW = java.time.Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();
  static final long DAY = 86_400_000L;

  ManualClock clock;
  ReadingStore store;
  String device;

  /** A store with a key space of its own; {@code retentionMs} 0 keeps readings forever. */
  abstract ReadingStore newStore(Vertx vertx, ManualClock clock, long retentionMs);

  @BeforeEach
  void createStore(Vertx vertx) {
    clock = new ManualClock(NOW);
    store = newStore(vertx, clock, 0);
    store.start().await();
    device = "d-" + UUID.randomUUID();
  }

  @AfterEach
  void closeStore() {
    store.close().await();
  }

  static Reading reading(String timestamp, int count) {
    return new Reading(ReadingTime.parse(timestamp), count);
  }

  static List<String> texts(Page<Reading> page) {
    return page.items().stream().map(r -> r.time().text()).toList();
  }

  @Test
  @DisplayName("the example batch gives cumulative 17 and the later timestamp as sent")
  void exampleBatch() {
    List<ReadingStore.Outcome> outcomes = store.ingest(device, List.of(
        reading("2021-09-29T16:08:15+01:00", 2), reading("2021-09-29T16:09:15+01:00", 15))).await();

    assertThat(outcomes).containsExactly(ACCEPTED, ACCEPTED);
    DeviceSummary summary = store.summary(device).await();
    assertThat(summary.cumulativeCount()).isEqualTo(17);
    assertThat(summary.latest().text()).isEqualTo("2021-09-29T16:09:15+01:00");
  }

  @Test
  @DisplayName("duplicates are refused across requests and within one, on the instant whatever the offset")
  void duplicates() {
    store.ingest(device, List.of(reading("2023-01-01T00:00:00Z", 5))).await();

    List<ReadingStore.Outcome> outcomes = store.ingest(device, List.of(
        reading("2023-01-01T01:00:00+01:00", 7),
        reading("2023-01-01T00:00:01Z", 1),
        reading("2023-01-01T00:00:01.000Z", 9),
        reading("2023-01-01T00:00:01.000000001Z", 1))).await();

    assertThat(outcomes).containsExactly(DUPLICATE, ACCEPTED, DUPLICATE, ACCEPTED);
    assertThat(store.summary(device).await().cumulativeCount()).isEqualTo(7);
  }

  @Test
  @DisplayName("a count of 0 is a reading: its duplicate is refused and the device is known with 0")
  void zeroCount() {
    assertThat(store.ingest(device, List.of(reading("2023-01-01T00:00:00Z", 0))).await()).containsExactly(ACCEPTED);
    assertThat(store.ingest(device, List.of(reading("2023-01-01T00:00:00Z", 0))).await()).containsExactly(DUPLICATE);
    assertThat(store.summary(device).await().cumulativeCount()).isZero();
    assertThat(store.summary("unknown-" + device).await()).isNull();
  }

  @Test
  @DisplayName("out-of-order readings are stored in time order and leave the latest right")
  void outOfOrder() {
    store.ingest(device, List.of(reading("2023-01-03T00:00:00Z", 3), reading("2023-01-01T00:00:00+02:00", 1))).await();
    store.ingest(device, List.of(reading("2023-01-02T00:00:00Z", 2), reading("2022-12-31T23:00:00-05:00", 4))).await();

    assertThat(texts(store.readings(device, null, null, null, 0).await().page())).containsExactly(
        "2023-01-01T00:00:00+02:00", // 2022-12-31T22:00Z
        "2022-12-31T23:00:00-05:00", // 2023-01-01T04:00Z
        "2023-01-02T00:00:00Z", "2023-01-03T00:00:00Z");
    assertThat(store.summary(device).await().latest().text()).isEqualTo("2023-01-03T00:00:00Z");
  }

  @Test
  @DisplayName("readings page through a range with a cursor; devices page by id")
  void pagesAndRanges() {
    List<Reading> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(reading(String.format("2023-01-01T00:00:%02dZ", i), i));
    }
    store.ingest(device, batch).await();
    store.ingest(device + "-b", List.of(reading("2023-01-01T00:00:00Z", 1))).await();

    Long from = ReadingTime.parse("2023-01-01T00:00:02Z").epochNanos();
    Long to = ReadingTime.parse("2023-01-01T00:00:07Z").epochNanos();
    Page<Reading> first = store.readings(device, from, to, null, 4).await().page();
    assertThat(texts(first)).containsExactly("2023-01-01T00:00:02Z", "2023-01-01T00:00:03Z", "2023-01-01T00:00:04Z",
        "2023-01-01T00:00:05Z");
    Page<Reading> second = store.readings(device, from, to, first.nextKey(), 4).await().page();
    assertThat(texts(second)).containsExactly("2023-01-01T00:00:06Z", "2023-01-01T00:00:07Z");
    assertThat(second.nextKey()).isNull();
    assertThat(store.readings("unknown-" + device, null, null, null, 0).await()).isNull();

    Page<DeviceSummary> devices = store.devices(null, 1).await();
    assertThat(devices.items()).extracting(DeviceSummary::id).containsExactly(device);
    assertThat(store.devices(devices.nextKey(), 1).await().items()).extracting(DeviceSummary::id)
        .containsExactly(device + "-b");
  }

  @Test
  @DisplayName("with a retention window, old readings are refused and trimmed while the cumulative count keeps them")
  void retention(Vertx vertx) {
    ReadingStore windowed = newStore(vertx, clock, DAY);
    windowed.ingest(device, List.of(reading("2026-11-22T06:00:00Z", 5), reading("2026-11-22T11:00:00Z", 1))).await();
    assertThat(windowed.ingest(device, List.of(reading("2026-11-20T00:00:00Z", 3))).await()).containsExactly(TOO_OLD);

    clock.advance(DAY - 2 * 3_600_000L); // now 2026-11-23T10:00Z: the 06:00 reading is out of the window
    int dropped = 0;
    for (int sweep = 0; sweep < 5; sweep++) {
      dropped += windowed.trim(100).await().expired();
    }

    assertThat(dropped).isEqualTo(1);
    assertThat(texts(windowed.readings(device, null, null, null, 0).await().page())).containsExactly("2026-11-22T11:00:00Z");
    assertThat(windowed.summary(device).await().cumulativeCount()).isEqualTo(6);
    windowed.close().await();
  }

  @Test
  @DisplayName("a large batch older than everything stored merges in, in time order, duplicates refused in request order")
  void largeOutOfOrderBatch() {
    List<Reading> recent = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      recent.add(reading(java.time.Instant.ofEpochSecond(1_700_000_000L + i).toString(), 1));
    }
    store.ingest(device, recent).await();
    List<Reading> older = new ArrayList<>();
    for (int i = 1999; i >= 0; i--) {
      older.add(reading(java.time.Instant.ofEpochSecond(1_600_000_000L + i).toString(), 2));
    }
    older.add(reading(java.time.Instant.ofEpochSecond(1_600_000_000L).toString(), 5));

    List<ReadingStore.Outcome> outcomes = store.ingest(device, older).await();

    assertThat(outcomes.subList(0, 2000)).containsOnly(ACCEPTED);
    assertThat(outcomes.get(2000)).isEqualTo(DUPLICATE);
    List<Reading> all = store.readings(device, null, null, null, 0).await().page().items();
    assertThat(all).hasSize(4000);
    assertThat(all).extracting(r -> r.time().epochNanos()).isSorted();
    assertThat(store.summary(device).await().cumulativeCount()).isEqualTo(2000 + 4000);
  }

  @Test
  @DisplayName("two batches carrying the same readings at once accept each reading exactly once")
  void concurrentBatches() {
    List<Future<List<ReadingStore.Outcome>>> batches = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      List<Reading> batch = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        batch.add(reading(String.format("2023-01-01T00:%02d:00Z", (i + b * 5) % 60), 1));
      }
      batches.add(store.ingest(device, batch));
    }
    Future.all(batches).await();

    long accepted = batches.stream().flatMap(b -> b.result().stream()).filter(o -> o == ACCEPTED).count();
    assertThat(accepted).isEqualTo(60);
    assertThat(store.summary(device).await().cumulativeCount()).isEqualTo(60);
  }
}
