package dev.pulse.discovery;

import static dev.pulse.Addresses.DISCOVERY_DEREGISTER;
import static dev.pulse.Addresses.DISCOVERY_EXPIRE;
import static dev.pulse.Addresses.DISCOVERY_GROUPS;
import static dev.pulse.Addresses.DISCOVERY_HEARTBEAT;
import static dev.pulse.Addresses.DISCOVERY_HEARTBEATS;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_DEREGISTERED;
import static dev.pulse.Addresses.DISCOVERY_INSTANCES;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_EXPIRED;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_REGISTERED;

import dev.pulse.DomainRequests;
import dev.pulse.Replies;
import dev.pulse.ExpiryReport;
import dev.pulse.config.PulseConfig;
import dev.pulse.events.Watched;
import dev.pulse.ops.DomainMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
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
 * Owns the heartbeat registry. With the memory store it runs as one instance, and its event loop
 * is the only thread that touches the registry; with Redis the store holds no state of its own.
 */
public final class DiscoveryVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryVerticle.class);
  private static final String STORE = "registry";

  private RegistryStore store;
  private int expiryBatchSize;
  private Counter registered;
  private Counter renewed;
  private Counter expiredCount;
  private Counter deregistered;
  private MultiGauge liveByGroup;
  private long gaugeTimer;
  private final RecentHeartbeats recentHeartbeats = new RecentHeartbeats();
  private long heartbeatsTimer;
  private Watched watched;
  private final DomainRequests requests;

  public DiscoveryVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    expiryBatchSize = config.expiryBatchSize();
    watched = Watched.of(vertx);
    store = config.redisStore()
        ? new RedisRegistryStore(RedisClients.create(vertx, config),
            new RedisKeys(config.redisKeyPrefix()), Clock.systemUTC(), config.heartbeatTtlMs(),
            config.eventBusTimeoutMs())
        : new MemoryRegistryStore(Clock.systemUTC(), config.heartbeatTtlMs());
    DomainMetrics metrics = new DomainMetrics(vertx);
    registered = metrics.counter("pulse.heartbeats", "Heartbeats received", "outcome", "registered");
    renewed = metrics.counter("pulse.heartbeats", "Heartbeats received", "outcome", "renewed");
    expiredCount = metrics.counter("pulse.instances.expired", "Instances expired by the sweep (on this node)");
    deregistered = metrics.counter("pulse.instances.deregistered", "Instances deregistered through this node");
    liveByGroup = metrics.gauges("pulse.instances.live", "Live instances per group (the first "
        + DomainMetrics.MAX_LABEL_VALUES + " groups by name)");
    gaugeTimer = vertx.setPeriodic(DomainMetrics.GAUGE_REFRESH_MS, timer -> refreshGauges());
    heartbeatsTimer = vertx.setPeriodic(config.eventsCoalesceMs(), timer -> publishRecentHeartbeats());
    return Future.all(List.of(
        store.start().recover(RedisClients.notReady(STORE, config)),
        requests.<Discovery.Heartbeat>handle(DISCOVERY_HEARTBEAT, this::heartbeat),
        requests.<Discovery.InstanceKey>handle(DISCOVERY_DEREGISTER, this::deregister),
        requests.<Discovery.InstanceKey>handle(DISCOVERY_INSTANCE, this::instance),
        requests.<Discovery.InstancesQuery>handle(DISCOVERY_INSTANCES, this::instances),
        requests.<Discovery.GroupsQuery>handle(DISCOVERY_GROUPS, this::groups),
        requests.<Void>handle(DISCOVERY_EXPIRE, this::expire)));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(gaugeTimer);
    vertx.cancelTimer(heartbeatsTimer);
    return store == null ? Future.succeededFuture() : store.close();
  }

  private void refreshGauges() {
    store.groups(null, DomainMetrics.MAX_LABEL_VALUES).onSuccess(page -> {
      java.util.Map<String, Integer> live = new java.util.LinkedHashMap<>();
      page.items().forEach(group -> live.put(group.group(), group.instances()));
      liveByGroup.register(DomainMetrics.rows("group", live), true);
    });
  }

  private void heartbeat(Message<Discovery.Heartbeat> message) {
    Discovery.Heartbeat beat = message.body();
    store.heartbeat(beat.group(), beat.id(), beat.meta())
        .onSuccess(result -> {
          if (result.replacedExpired() != null) {
            announceExpired(result.replacedExpired());
          }
          if (result.created()) {
            registered.increment();
            LOG.debug("instance registered group={} id={}", beat.group(), beat.id());
            vertx.eventBus().publish(DISCOVERY_INSTANCE_REGISTERED, result.instance());
          } else {
            renewed.increment();
            if (watched.get()) {
              recentHeartbeats.add(result.instance());
            }
          }
          message.reply(result);
        })
        .onFailure(failure -> storeFailed(message, failure));
  }

  private void deregister(Message<Discovery.InstanceKey> message) {
    Discovery.InstanceKey key = message.body();
    replyIfFound(message, store.deregister(key.group(), key.id()).map(removed -> {
      if (!removed) {
        return null;
      }
      deregistered.increment();
      recentHeartbeats.remove(key.group(), key.id());
      vertx.eventBus().publish(DISCOVERY_INSTANCE_DEREGISTERED, key);
      return removed;
    }));
  }

  private void instance(Message<Discovery.InstanceKey> message) {
    Discovery.InstanceKey key = message.body();
    replyIfFound(message, store.instance(key.group(), key.id()));
  }

  private void instances(Message<Discovery.InstancesQuery> message) {
    Discovery.InstancesQuery query = message.body();
    reply(message, store.instances(query.group(), query.after(), query.limit()));
  }

  private void groups(Message<Discovery.GroupsQuery> message) {
    Discovery.GroupsQuery query = message.body();
    reply(message, store.groups(query.after(), query.limit()));
  }

  private void expire(Message<Void> message) {
    long started = System.nanoTime();
    store.expire(expiryBatchSize)
        .onSuccess(expired -> {
          expired.items().forEach(this::announceExpired);
          expiredCount.increment(expired.items().size());
          if (!expired.items().isEmpty()) {
            LOG.info("expired {} instance(s) in {} ms{}", expired.items().size(),
                (System.nanoTime() - started) / 1_000_000, expired.more() ? ", more due" : "");
          }
          message.reply(new ExpiryReport(expired.items().size(), expired.more()));
        })
        .onFailure(failure -> storeFailed(message, failure));
  }

  /**
   * Renewals are not events one by one (they are the hot path): they go out coalesced, once a
   * period, and are collected only while someone watches.
   */
  private void publishRecentHeartbeats() {
    if (!recentHeartbeats.isEmpty()) {
      vertx.eventBus().publish(DISCOVERY_HEARTBEATS, new Discovery.Heartbeats(recentHeartbeats.drain()));
    }
  }

  private void announceExpired(Instance instance) {
    recentHeartbeats.remove(instance.group(), instance.id());
    LOG.debug("instance expired group={} id={} lastHeartbeat={}", instance.group(), instance.id(),
        instance.updatedAt());
    vertx.eventBus().publish(DISCOVERY_INSTANCE_EXPIRED, instance);
  }

  private static <T> void reply(Message<?> message, Future<T> result) {
    Replies.reply(message, result, STORE);
  }

  /** Replies with the result, or fails with 404 when the store found nothing (null). */
  private static <T> void replyIfFound(Message<Discovery.InstanceKey> message, Future<T> result) {
    Discovery.InstanceKey key = message.body();
    Replies.replyIfFound(message, result, STORE, "INSTANCE_NOT_FOUND",
        "instance '" + key.id() + "' is not registered in group '" + key.group() + "'");
  }

  private static void storeFailed(Message<?> message, Throwable failure) {
    Replies.storeFailed(message, STORE, failure);
  }
}
