package dev.pulse.readings;

import static dev.pulse.Addresses.READINGS_DEVICES;
import static dev.pulse.Addresses.READINGS_EXPIRE;
import static dev.pulse.Addresses.READINGS_INGEST;
import static dev.pulse.Addresses.READINGS_INGESTED;
import static dev.pulse.Addresses.READINGS_RANGE;
import static dev.pulse.Addresses.READINGS_SUMMARY;

import dev.pulse.DomainRequests;
import dev.pulse.Replies;
import dev.pulse.config.PulseConfig;
import dev.pulse.events.Watched;
import dev.pulse.ops.DomainMetrics;
import dev.pulse.redis.RedisClients;
import dev.pulse.redis.RedisKeys;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.util.List;

/**
 * Owns the device readings. With the memory store it runs as one instance whose event loop is the
 * only thread touching the readings, which is what makes a batch atomic there.
 */
public final class ReadingsVerticle extends VerticleBase {

  private static final String STORE = "reading";

  private Watched watched;
  private ReadingStore store;
  private int batchSize;
  private final DomainRequests requests;

  public ReadingsVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    watched = Watched.of(vertx);
    batchSize = config.expiryBatchSize();
    store = config.redisStore()
        ? new RedisReadingStore(RedisClients.create(vertx, config), new RedisKeys(config.redisKeyPrefix()),
            Clock.systemUTC(), config.readingsRetentionMs(), config.eventBusTimeoutMs())
        : new MemoryReadingStore(Clock.systemUTC(), config.readingsRetentionMs());
    readingOutcomes = new DomainMetrics(vertx).counters("pulse.readings", "Readings ingested by outcome", "outcome",
        ReadingStore.Outcome.class);
    return Future.all(List.of(
        store.start().recover(RedisClients.notReady(STORE, config)),
        requests.<Readings.Batch>handle(READINGS_INGEST, m -> Replies.reply(m,
            store.ingest(m.body().deviceId(), m.body().readings()).map(outcomes -> ingested(m.body(), outcomes)),
            STORE)),
        requests.<Readings.DeviceKey>handle(READINGS_SUMMARY, m -> Replies.replyIfFound(m,
            store.summary(m.body().deviceId()), STORE, "DEVICE_NOT_FOUND", unknown(m.body().deviceId()))),
        requests.<Readings.Range>handle(READINGS_RANGE, this::range),
        requests.<Readings.DevicesQuery>handle(READINGS_DEVICES, m -> Replies.reply(m,
            store.devices(m.body().after(), m.body().limit()), STORE)),
        requests.<Void>handle(READINGS_EXPIRE, m -> Replies.reply(m, store.trim(batchSize), STORE))));
  }

  private java.util.Map<ReadingStore.Outcome, io.micrometer.core.instrument.Counter> readingOutcomes;

  /** Counts the outcomes and announces the accepted readings, if any. */
  private Readings.Outcomes ingested(Readings.Batch batch, List<ReadingStore.Outcome> outcomes) {
    int acceptedCount = 0;
    for (ReadingStore.Outcome outcome : outcomes) {
      readingOutcomes.get(outcome).increment();
      if (outcome == ReadingStore.Outcome.ACCEPTED) {
        acceptedCount++;
      }
    }
    if (acceptedCount > 0 && watched.get()) {
      vertx.eventBus().publish(READINGS_INGESTED, new Readings.Ingested(batch.deviceId(),
          accepted(batch, outcomes, acceptedCount)));
    }
    return new Readings.Outcomes(outcomes);
  }

  /** The accepted readings of a batch; the usual batch is accepted whole and is returned as it came, without a copy. */
  private static List<Reading> accepted(Readings.Batch batch, List<ReadingStore.Outcome> outcomes, int acceptedCount) {
    if (acceptedCount == outcomes.size()) {
      return batch.readings();
    }
    List<Reading> accepted = new java.util.ArrayList<>(acceptedCount);
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == ReadingStore.Outcome.ACCEPTED) {
        accepted.add(batch.readings().get(i));
      }
    }
    return accepted;
  }

  @Override
  public Future<?> stop() {
    return store == null ? Future.succeededFuture() : store.close();
  }

  private void range(Message<Readings.Range> message) {
    Readings.Range range = message.body();
    Replies.replyIfFound(message, store.readings(range.deviceId(), range.fromNanos(), range.toNanos(),
        range.after(), range.limit()), STORE, "DEVICE_NOT_FOUND", unknown(range.deviceId()));
  }

  private static String unknown(String deviceId) {
    return "no reading was ever accepted for device '" + deviceId + "'";
  }
}
