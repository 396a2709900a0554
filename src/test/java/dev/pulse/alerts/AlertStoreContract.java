package dev.pulse.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pulse.Page;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AlertStore} must have, replaying what real emitters send. */
abstract class AlertStoreContract {

  static final long T0 = Instant.parse("2026-11-22T16:00:00.000Z").toEpochMilli();
  static final AlertEvent.Party ANN = new AlertEvent.Party("u1", "Ann");
  static final AlertEvent.Party BOB = new AlertEvent.Party("u2", "Bob");

  AlertStore store;
  String tag;

  /** A store with a key space of its own: each test starts with no alerts. */
  abstract AlertStore newStore(Vertx vertx);

  @BeforeEach
  void createStore(Vertx vertx) {
    store = newStore(vertx);
    store.start().await();
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeStore() {
    store.close().await();
  }

  static Timestamp at(long millis) {
    return millis < 0 ? null : new Timestamp(Instant.ofEpochMilli(millis).toString(), millis);
  }

  /** An event for {@code id} on service {@code service}; ack/resolved offsets from triggered, -1 = absent. */
  AlertEvent event(AlertEvent.Type type, String id, AlertStatus status, String service, AlertEvent.Party responder,
      long triggered, long ackAfter, long resolveAfter) {
    return new AlertEvent(type, id, "CPU high " + tag, status, responder,
        new AlertEvent.Party("svc-" + service, service + "-" + tag), at(triggered),
        ackAfter < 0 ? null : at(triggered + ackAfter), resolveAfter < 0 ? null : at(triggered + resolveAfter));
  }

  AlertEvent created(String id, long triggered) {
    return event(AlertEvent.Type.ALERT_CREATED, id, AlertStatus.TRIGGERED, "checkout", ANN, triggered, -1, -1);
  }

  AlertEvent acknowledged(String id, long triggered, long ackAfter) {
    return event(AlertEvent.Type.ALERT_CHANGED, id, AlertStatus.ACKNOWLEDGED, "checkout", ANN, triggered, ackAfter, -1);
  }

  AlertEvent resolved(String id, long triggered, long ackAfter, long resolveAfter) {
    return event(AlertEvent.Type.ALERT_CHANGED, id, AlertStatus.RESOLVED, "checkout", ANN, triggered, ackAfter,
        resolveAfter);
  }

  Alert ingest(AlertEvent... events) {
    Alert last = null;
    for (AlertEvent event : events) {
      last = store.ingest(event).await();
    }
    return last;
  }

  AlertQuery byService(String service) {
    return new AlertQuery(null, service + "-" + tag, null, Set.of(), null, null, null, 0);
  }

  @Test
  @DisplayName("CREATED, then acknowledged, then resolved: status RESOLVED with both durations")
  void fullLifecycle() {
    String id = UUID.randomUUID().toString();
    Alert alert = ingest(created(id, T0), acknowledged(id, T0, 60_000), resolved(id, T0, 60_000, 300_000));

    assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(alert.reportedStatus()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(alert.timeToAcknowledgeMs()).isEqualTo(60_000);
    assertThat(alert.timeToResolveMs()).isEqualTo(300_000);
    assertThat(store.get(id).await()).isEqualTo(alert);
  }

  @Test
  @DisplayName("the resolve arriving before the acknowledgement: nothing is lost and the status never goes back")
  void resolveBeforeAcknowledge() {
    String id = UUID.randomUUID().toString();
    Alert alert = ingest(created(id, T0), resolved(id, T0, -1, 300_000), acknowledged(id, T0, 60_000));

    assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(alert.reportedStatus()).as("the stale acknowledgement does not overwrite").isEqualTo(AlertStatus.RESOLVED);
    assertThat(alert.acknowledgedOn().epochMillis()).isEqualTo(T0 + 60_000);
    assertThat(alert.resolvedOn().epochMillis()).isEqualTo(T0 + 300_000);
  }

  @Test
  @DisplayName("an ALERT_CHANGED for an alert never seen inserts it")
  void changedWithoutCreated() {
    String id = UUID.randomUUID().toString();
    Alert alert = ingest(acknowledged(id, T0, 1_000));

    assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(store.get(id).await()).isEqualTo(alert);
    assertThat(store.stats(byService("checkout")).await().total()).isEqualTo(1);
  }

  @Test
  @DisplayName("the same event delivered twice changes nothing")
  void duplicateDelivery() {
    String id = UUID.randomUUID().toString();
    Alert once = ingest(created(id, T0), acknowledged(id, T0, 5_000));
    Alert twice = ingest(acknowledged(id, T0, 5_000), created(id, T0));

    assertThat(twice).isEqualTo(once);
    AlertStats stats = store.stats(byService("checkout")).await();
    assertThat(stats.total()).isEqualTo(1);
    assertThat(stats.timeToAcknowledge().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("a stale update after a newer one keeps the newer fields and timestamps")
  void staleUpdate() {
    String id = UUID.randomUUID().toString();
    ingest(created(id, T0), acknowledged(id, T0, 2_000));
    AlertEvent stale = new AlertEvent(AlertEvent.Type.ALERT_CHANGED, id, "renamed " + tag, AlertStatus.TRIGGERED, BOB,
        null, at(T0), null, null);

    Alert alert = ingest(stale);

    assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(alert.name()).isEqualTo("CPU high " + tag);
    assertThat(alert.responder()).isEqualTo(ANN);
    assertThat(alert.acknowledgedOn().epochMillis()).isEqualTo(T0 + 2_000);
  }

  @Test
  @DisplayName("the status is derived from the timestamps when the reported status disagrees")
  void statusFromTimestamps() {
    String triggeredWithResolve = UUID.randomUUID().toString();
    Alert resolved = ingest(event(AlertEvent.Type.ALERT_CHANGED, triggeredWithResolve, AlertStatus.TRIGGERED,
        "checkout", ANN, T0, -1, 10_000));
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.reportedStatus()).isEqualTo(AlertStatus.TRIGGERED);

    String reportedOnly = UUID.randomUUID().toString();
    Alert acknowledged = ingest(event(AlertEvent.Type.ALERT_CHANGED, reportedOnly, AlertStatus.ACKNOWLEDGED,
        "checkout", ANN, T0, -1, -1), created(reportedOnly, T0));
    assertThat(acknowledged.status()).as("the highest status reported").isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(acknowledged.timeToAcknowledgeMs()).isNull();
  }

  @Test
  @DisplayName("alerts are listed newest first, filtered, and paged stably while newer alerts arrive")
  void listing() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = "a" + i + "-" + tag;
      ids.add(id);
      ingest(event(AlertEvent.Type.ALERT_CREATED, id, AlertStatus.TRIGGERED, i % 2 == 0 ? "checkout" : "search",
          i < 3 ? ANN : BOB, T0 + i * 1000L, i == 6 ? 500 : -1, -1));
    }
    AlertQuery checkout = byService("checkout");

    assertThat(ids(store.list(checkout).await())).containsExactly(ids.get(6), ids.get(4), ids.get(2), ids.get(0));
    assertThat(ids(store.list(new AlertQuery(null, "checkout-" + tag, "Bob", Set.of(), null, null, null, 0)).await()))
        .containsExactly(ids.get(6), ids.get(4));
    assertThat(ids(store.list(new AlertQuery("CPU high " + tag, null, null, Set.of(AlertStatus.ACKNOWLEDGED), null,
        null, null, 0)).await())).containsExactly(ids.get(6));
    assertThat(ids(store.list(new AlertQuery("CPU high " + tag, null, null, Set.of(), T0 + 1000, T0 + 3000, null, 0))
        .await())).containsExactly(ids.get(3), ids.get(2), ids.get(1));
    assertThat(store.list(byService("nothing")).await().items()).isEmpty();

    Page<Alert> first = store.list(checkout.withPage(null, 2)).await();
    assertThat(ids(first)).containsExactly(ids.get(6), ids.get(4));
    ingest(event(AlertEvent.Type.ALERT_CREATED, "newest-" + tag, AlertStatus.TRIGGERED, "checkout", ANN, T0 + 60_000,
        -1, -1));
    Page<Alert> second = store.list(checkout.withPage(first.nextKey(), 2)).await();
    assertThat(ids(second)).containsExactly(ids.get(2), ids.get(0));
    assertThat(second.nextKey()).isNull();
  }

  @Test
  @DisplayName("an alert that moves to another service, responder, status and earlier trigger is listed and counted "
      + "only under its new groups, once, at its new place")
  void movedAlertIsReindexed() {
    String moved = "moved-" + tag;
    String other = "other-" + tag;
    ingest(created(other, T0 + 5_000));
    ingest(created(moved, T0 + 10_000));
    // A stale-looking but more advanced event: another service and responder, triggered earlier.
    ingest(event(AlertEvent.Type.ALERT_CHANGED, moved, AlertStatus.ACKNOWLEDGED, "search", BOB, T0, 1_000, -1));

    assertThat(ids(store.list(byService("checkout")).await())).containsExactly(other);
    assertThat(ids(store.list(byService("search")).await())).containsExactly(moved);
    assertThat(ids(store.list(new AlertQuery("CPU high " + tag, null, null, Set.of(), null, null, null, 0)).await()))
        .as("newest trigger first: the moved alert is now the older one").containsExactly(other, moved);
    assertThat(ids(store.list(new AlertQuery(null, null, "Ann", Set.of(AlertStatus.TRIGGERED), null, null, null, 0))
        .await())).contains(other).doesNotContain(moved);
    assertThat(ids(store.list(new AlertQuery(null, null, "Bob", Set.of(AlertStatus.ACKNOWLEDGED), null, null, null, 0))
        .await())).contains(moved);
    AlertStats checkout = store.stats(byService("checkout")).await();
    assertThat(checkout.total()).isEqualTo(1);
    assertThat(checkout.timeToAcknowledge().count()).isZero();
    AlertStats search = store.stats(byService("search")).await();
    assertThat(search.total()).isEqualTo(1);
    assertThat(search.byStatus()).containsEntry("ACKNOWLEDGED", 1L);
    assertThat(search.timeToAcknowledge().minMs()).isEqualTo(1_000L);
  }

  @Test
  @DisplayName("statistics, unfiltered and filtered, equal those computed independently from the alerts' final states")
  void statistics() {
    record Truth(String id, String service, AlertEvent.Party responder, long triggered, long ackAfter,
        long resolveAfter) {
      AlertStatus status() {
        return resolveAfter >= 0 ? AlertStatus.RESOLVED : ackAfter >= 0 ? AlertStatus.ACKNOWLEDGED : AlertStatus.TRIGGERED;
      }
    }
    Random random = new Random(42);
    List<Truth> truths = new ArrayList<>();
    List<AlertEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long ack = random.nextInt(3) == 0 ? -1 : 1_000L * (1 + random.nextInt(120));
      long resolve = ack < 0 || random.nextBoolean() ? -1 : ack + 1_000L * random.nextInt(600);
      Truth truth = new Truth("s" + i + "-" + tag, random.nextBoolean() ? "checkout" : "search",
          random.nextBoolean() ? ANN : BOB, T0 + random.nextInt(86_400_000), ack, resolve);
      truths.add(truth);
      // An alert that moves on is first seen on another service (the later, more advanced events
      // move it); then its lifecycle, and a duplicate of the last event. Order is shuffled below.
      events.add(event(AlertEvent.Type.ALERT_CREATED, truth.id, AlertStatus.TRIGGERED, ack >= 0 ? "other" : truth.service,
          truth.responder, truth.triggered, -1, -1));
      if (ack >= 0) {
        events.add(event(AlertEvent.Type.ALERT_CHANGED, truth.id, AlertStatus.ACKNOWLEDGED, truth.service,
            truth.responder, truth.triggered, ack, -1));
      }
      events.add(event(AlertEvent.Type.ALERT_CHANGED, truth.id, truth.status(), truth.service, truth.responder,
          truth.triggered, ack, resolve));
      events.add(events.get(events.size() - 1));
    }
    Collections.shuffle(events.subList(0, events.size() / 2), random);
    events.forEach(e -> store.ingest(e).await());

    List<AlertQuery> queries = List.of(
        AlertQuery.all(),
        byService("checkout"), byService("search"), byService("other"),
        new AlertQuery(null, null, null, Set.of(AlertStatus.RESOLVED), null, null, null, 0),
        new AlertQuery(null, null, null, EnumSet.of(AlertStatus.TRIGGERED, AlertStatus.RESOLVED), null, null, null, 0),
        new AlertQuery("CPU high " + tag, null, null, Set.of(), null, null, null, 0),
        new AlertQuery(null, "checkout-" + tag, "Ann", Set.of(), null, null, null, 0),
        new AlertQuery(null, "search-" + tag, null, EnumSet.of(AlertStatus.TRIGGERED, AlertStatus.ACKNOWLEDGED), null,
            null, null, 0),
        new AlertQuery("CPU high " + tag, null, null, Set.of(), T0, T0 + 43_200_000, null, 0));
    List<Predicate<Truth>> expected = List.of(
        t -> true,
        t -> t.service.equals("checkout"), t -> t.service.equals("search"), t -> false,
        t -> t.status() == AlertStatus.RESOLVED, t -> t.status() != AlertStatus.ACKNOWLEDGED, t -> true,
        t -> t.service.equals("checkout") && t.responder.equals(ANN),
        t -> t.service.equals("search") && t.status() != AlertStatus.RESOLVED,
        t -> t.triggered <= T0 + 43_200_000);
    for (int q = 0; q < queries.size(); q++) {
      List<Truth> matching = truths.stream().filter(expected.get(q)).toList();
      AlertStats stats = store.stats(queries.get(q)).await();
      String label = "query " + q + " " + queries.get(q);
      assertThat(stats.total()).as(label).isEqualTo(matching.size());
      for (AlertStatus status : AlertStatus.values()) {
        assertThat(stats.byStatus().get(status.name())).as(label + " " + status)
            .isEqualTo(matching.stream().filter(t -> t.status() == status).count());
      }
      assertDurations(label + " tta", stats.timeToAcknowledge(),
          matching.stream().filter(t -> t.ackAfter >= 0).mapToLong(t -> t.ackAfter).toArray());
      assertDurations(label + " ttr", stats.timeToResolve(),
          matching.stream().filter(t -> t.resolveAfter >= 0).mapToLong(t -> t.resolveAfter).toArray());
    }
  }

  static void assertDurations(String label, AlertStats.Durations durations, long[] values) {
    assertThat(durations.count()).as(label + " count").isEqualTo(values.length);
    if (values.length == 0) {
      assertThat(durations.minMs()).as(label).isNull();
      assertThat(durations.meanMs()).as(label).isNull();
      assertThat(durations.maxMs()).as(label).isNull();
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    double sum = 0;
    for (long value : values) {
      min = Math.min(min, value);
      max = Math.max(max, value);
      sum += value;
    }
    assertThat(durations.minMs()).as(label + " min").isEqualTo(min);
    assertThat(durations.maxMs()).as(label + " max").isEqualTo(max);
    assertThat(durations.meanMs()).as(label + " mean").isCloseTo(sum / values.length, within(0.001));
  }

  @Test
  @DisplayName("one alert's events ingested all at once, duplicates included, end in the right state")
  void concurrentEvents() {
    String id = UUID.randomUUID().toString();
    List<Future<Alert>> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(store.ingest(resolved(id, T0, 60_000, 300_000)));
      all.add(store.ingest(created(id, T0)));
      all.add(store.ingest(acknowledged(id, T0, 60_000)));
    }
    Future.all(all).await();

    Alert alert = store.get(id).await();
    assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(alert.reportedStatus()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(alert.timeToAcknowledgeMs()).isEqualTo(60_000);
    assertThat(alert.timeToResolveMs()).isEqualTo(300_000);
    AlertStats stats = store.stats(byService("checkout")).await();
    assertThat(stats.total()).isEqualTo(1);
    assertThat(stats.byStatus().get("RESOLVED")).isEqualTo(1);
    assertThat(stats.timeToResolve().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("many concurrent events for one alert, each with another name, are all applied")
  void contendedAlert() {
    String id = UUID.randomUUID().toString();
    List<Future<Alert>> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      all.add(store.ingest(new AlertEvent(AlertEvent.Type.ALERT_CHANGED, id, "name " + i, AlertStatus.TRIGGERED, ANN,
          new AlertEvent.Party("s", "checkout-" + tag), at(T0), null, null)));
    }
    Future.join(all).await();

    assertThat(all).allMatch(Future::succeeded);
    assertThat(store.get(id).await().name()).startsWith("name ");
    assertThat(store.stats(byService("checkout")).await().total()).isEqualTo(1);
  }

  @Test
  @DisplayName("of two events of equal rank the later one wins, also when an older one is delivered again")
  void equalRankLastWriterWins() {
    String id = UUID.randomUUID().toString();
    AlertEvent ann = event(AlertEvent.Type.ALERT_CHANGED, id, AlertStatus.ACKNOWLEDGED, "checkout", ANN, T0, 1000, -1);
    AlertEvent bob = event(AlertEvent.Type.ALERT_CHANGED, id, AlertStatus.ACKNOWLEDGED, "checkout", BOB, T0, 1000, -1);

    assertThat(ingest(ann, bob).responder()).isEqualTo(BOB);
    assertThat(ingest(ann).responder()).as("a redelivered older event is applied like a new one").isEqualTo(ANN);
  }

  static List<String> ids(Page<Alert> page) {
    return page.items().stream().map(Alert::alertId).toList();
  }
}
