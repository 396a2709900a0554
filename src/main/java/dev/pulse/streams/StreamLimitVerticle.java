package dev.pulse.streams;

import static dev.pulse.Addresses.STREAMS_ACQUIRE;
import static dev.pulse.Addresses.STREAMS_EXPIRE;
import static dev.pulse.Addresses.STREAMS_LEASE_EXPIRED;
import static dev.pulse.Addresses.STREAMS_LEASE_RELEASED;
import static dev.pulse.Addresses.STREAMS_LEASE_STARTED;
import static dev.pulse.Addresses.STREAMS_LIMIT;
import static dev.pulse.Addresses.STREAMS_LIST;
import static dev.pulse.Addresses.STREAMS_RELEASE;
import static dev.pulse.Addresses.STREAMS_RENEW;
import static dev.pulse.Addresses.STREAMS_SET_LIMIT;

import dev.pulse.DomainRequests;
import dev.pulse.Replies;
import dev.pulse.ExpiryReport;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the stream leases. With the memory store it runs as one instance whose event loop is the
 * only thread touching the leases. Redis calls are bounded by {@code redis.timeoutMs}; when the
 * store fails, a start request is refused with 503 (fail closed) or, with {@code streams.failOpen},
 * admitted unchecked and marked degraded.
 */
public final class StreamLimitVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StreamLimitVerticle.class);
  private static final String STORE = "stream";

  private Watched watched;
  private StreamStore store;
  private PulseConfig config;
  private Clock clock;
  private final DomainRequests requests;

  public StreamLimitVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    config = PulseConfig.from(config());
    watched = Watched.of(vertx);
    clock = Clock.systemUTC();
    metrics = new DomainMetrics(vertx);
    admissions = metrics.counters("pulse.stream.admissions", "Stream starts by outcome", "outcome",
        Admission.Outcome.class);
    expirations = metrics.counter("pulse.stream.expirations", "Stream leases expired (found by this node)");
    store = config.redisStore()
        ? new RedisStreamStore(RedisClients.create(vertx, config), new RedisKeys(config.redisKeyPrefix()), null,
            config.streamLeaseMs(), config.streamLimit())
        : new MemoryStreamStore(clock, config.streamLeaseMs(), config.streamLimit());
    if (store instanceof MemoryStreamStore memory) {
      gaugeActiveLeases(memory);
    }
    return Future.all(List.of(
        store.start().recover(RedisClients.notReady(STORE, config)),
        requests.<Streams.Acquire>handle(STREAMS_ACQUIRE, this::acquire),
        requests.<Streams.LeaseKey>handle(STREAMS_RENEW, this::renew),
        requests.<Streams.LeaseKey>handle(STREAMS_RELEASE, this::release),
        requests.<Streams.UserKey>handle(STREAMS_LIST, this::list),
        requests.<Streams.UserKey>handle(STREAMS_LIMIT, this::limit),
        requests.<Streams.SetLimit>handle(STREAMS_SET_LIMIT, this::setLimit),
        requests.<Void>handle(STREAMS_EXPIRE, this::expire)));
  }

  private DomainMetrics metrics;
  private io.micrometer.core.instrument.Counter expirations;
  private final java.util.concurrent.atomic.AtomicLong activeLeases = new java.util.concurrent.atomic.AtomicLong();
  private long gaugeTimer = -1;

  private java.util.Map<Admission.Outcome, io.micrometer.core.instrument.Counter> admissions;

  /** In memory, the leases held now, refreshed on this verticle's event loop (Redis keeps no global count). */
  private void gaugeActiveLeases(MemoryStreamStore memory) {
    io.micrometer.core.instrument.Gauge.builder("pulse.stream.leases.active", activeLeases, java.util.concurrent.atomic.AtomicLong::get)
        .description("Stream leases held now (memory store)").register(dev.pulse.ops.PulseMetrics.registry(vertx));
    gaugeTimer = vertx.setPeriodic(DomainMetrics.GAUGE_REFRESH_MS, timer -> activeLeases.set(memory.activeLeases()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(gaugeTimer);
    return store == null ? Future.succeededFuture() : store.close();
  }

  private void acquire(Message<Streams.Acquire> message) {
    Streams.Acquire request = message.body();
    store.acquire(request.userId(), request.streamId(), request.contentId(), request.deviceId())
        .onSuccess(admission -> {
          admission.expired().forEach(this::announceExpired);
          admissions.get(admission.outcome()).increment();
          if (admission.outcome() == Admission.Outcome.ADMITTED) {
            watched.publish(vertx.eventBus(), STREAMS_LEASE_STARTED, admission.lease());
          }
          message.reply(admission);
        })
        .onFailure(failure -> {
          if (config.streamFailOpen() && Replies.isUnavailable(failure)) {
            LOG.warn("stream store failed, admitting unchecked (fail-open) user={} stream={}: {}",
                request.userId(), request.streamId(), failure.getMessage());
            message.reply(unchecked(request));
          } else {
            storeFailed(message, failure);
          }
        });
  }

  private Admission unchecked(Streams.Acquire request) {
    long now = clock.millis();
    Lease lease = new Lease(request.userId(), request.streamId(), request.contentId(), request.deviceId(), now,
        now + config.streamLeaseMs());
    return new Admission(Admission.Outcome.ADMITTED, lease, config.streamLimit(), 1, List.of(), List.of(), true);
  }

  private void renew(Message<Streams.LeaseKey> message) {
    Streams.LeaseKey key = message.body();
    replyIfFound(message, store.renew(key.userId(), key.streamId()));
  }

  private void release(Message<Streams.LeaseKey> message) {
    Streams.LeaseKey key = message.body();
    replyIfFound(message, store.release(key.userId(), key.streamId()).map(released -> {
      if (!released) {
        return null;
      }
      watched.publish(vertx.eventBus(), STREAMS_LEASE_RELEASED, key);
      return released;
    }));
  }

  private void list(Message<Streams.UserKey> message) {
    reply(message, store.streams(message.body().userId()));
  }

  private void limit(Message<Streams.UserKey> message) {
    reply(message, store.limit(message.body().userId()));
  }

  private void setLimit(Message<Streams.SetLimit> message) {
    Streams.SetLimit request = message.body();
    reply(message, store.setLimit(request.userId(), request.limit()));
  }

  private void expire(Message<Void> message) {
    int batch = config.expiryBatchSize();
    store.expire(batch)
        .onSuccess(expired -> {
          expired.items().forEach(this::announceExpired);
          message.reply(new ExpiryReport(expired.items().size(), expired.more()));
        })
        .onFailure(failure -> storeFailed(message, failure));
  }

  private void announceExpired(Lease lease) {
    expirations.increment();
    LOG.debug("stream lease expired user={} stream={}", lease.userId(), lease.streamId());
    vertx.eventBus().publish(STREAMS_LEASE_EXPIRED, lease);
  }

  private <T> void reply(Message<?> message, Future<T> result) {
    Replies.reply(message, result, STORE);
  }

  /** Replies with the result, or fails with 404 when the store found no active lease (null). */
  private <T> void replyIfFound(Message<Streams.LeaseKey> message, Future<T> result) {
    Streams.LeaseKey key = message.body();
    Replies.replyIfFound(message, result, STORE, "STREAM_NOT_FOUND",
        "stream '" + key.streamId() + "' of user '" + key.userId() + "' is not active (unknown or expired)");
  }

  private static void storeFailed(Message<?> message, Throwable failure) {
    Replies.storeFailed(message, STORE, failure);
  }
}
