package dev.pulse.events;

import static dev.pulse.Addresses.ALERTS_CHANGED;
import static dev.pulse.Addresses.DISCOVERY_HEARTBEATS;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_DEREGISTERED;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_EXPIRED;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_REGISTERED;
import static dev.pulse.Addresses.DISCOVERY_STATUS_CHANGED;
import static dev.pulse.Addresses.EVENTS_LIVE;
import static dev.pulse.Addresses.EVENTS_WATCHERS;
import static dev.pulse.Addresses.READINGS_INGESTED;
import static dev.pulse.Addresses.SERVICES_CHANGED;
import static dev.pulse.Addresses.STREAMS_LEASE_EXPIRED;
import static dev.pulse.Addresses.STREAMS_LEASE_RELEASED;
import static dev.pulse.Addresses.STREAMS_LEASE_STARTED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.DomainRequests;
import dev.pulse.alerts.Alert;
import dev.pulse.config.PulseConfig;
import dev.pulse.discovery.Discovery;
import dev.pulse.discovery.Instance;
import dev.pulse.discovery.StatusChange;
import dev.pulse.http.AlertRoutes;
import dev.pulse.http.Json;
import dev.pulse.ops.DomainMetrics;
import dev.pulse.readings.Readings;
import dev.pulse.redis.RedisChannel;
import dev.pulse.redis.RedisClients;
import dev.pulse.redis.RedisKeys;
import dev.pulse.services.Services;
import dev.pulse.streams.Lease;
import dev.pulse.streams.Streams;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@code GET /events}: turns the domains' events into {@link LiveEvent}s, rendered once, and
 * publishes them on {@link dev.pulse.Addresses#EVENTS_LIVE} for this node's streams. In {@code redis}
 * mode every event goes through one Redis pub/sub channel instead, so that a change made through
 * any node reaches the streams of every node.
 *
 * <p>It listens to the domains only while someone watches: a stream open on this node, or (in
 * {@code redis} mode) on another node, which says so on the channel every {@link #WATCH_PERIOD_MS}.
 * With nobody watching, the domains do not publish the events only it listens to ({@link Watched}).
 *
 * <p>Heartbeat renewals arrive coalesced by the registry (one batch per {@code events.coalesceMs}).
 * In {@code redis} mode several nodes may renew one instance in one period, so the batches are
 * merged again here, per instance, before they reach the streams.
 */
public final class LiveEventsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(LiveEventsVerticle.class);
  static final long WATCH_PERIOD_MS = 2_000;
  static final long WATCH_TTL_MS = 5_000;
  /** The channel message that says "a node has streams open". */
  private static final String WATCH = "~watch";
  /** The channel message that says "a node could not publish some events: reload". */
  private static final String RESYNC = "~resync";
  static final String HEARTBEATS = "heartbeats";
  static final String INSTANCE_EXPIRED = "instance-expired";
  static final String INSTANCE_DEREGISTERED = "instance-deregistered";

  private int maxStreams;
  /** Written on this verticle's event loop only; volatile for the metrics scrape. */
  private volatile int localStreams;
  private long othersWatchUntil;
  private RedisChannel channel;
  private final List<MessageConsumer<?>> domainConsumers = new ArrayList<>();
  /** Redis mode: group → instance id → the latest heartbeat update received, until the next flush. */
  private final Map<String, Map<String, JsonNode>> pendingHeartbeats = new LinkedHashMap<>();
  private boolean publishFailing;
  private long watchTimer = -1;
  private long flushTimer = -1;
  private Watched watchedFlag;
  private final DomainRequests requests;

  public LiveEventsVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    maxStreams = config.eventsMaxStreams();
    watchedFlag = Watched.of(vertx);
    new DomainMetrics(vertx).gauge("pulse.event.streams.open", "GET /events streams open on this node",
        () -> localStreams);
    Future<Void> subscribed = Future.succeededFuture();
    if (config.redisStore()) {
      channel = new RedisChannel(vertx, config.redisEndpoints(), config.redisTimeoutMs(), config.redisMaxWaitingHandlers(),
          new RedisKeys(config.redisKeyPrefix()).liveEvents(), this::received, this::subscriptionChanged);
      subscribed = channel.start().recover(RedisClients.notReady("live events", config));
      watchTimer = vertx.setPeriodic(WATCH_PERIOD_MS, timer -> {
        if (localStreams > 0) {
          announceWatch();
        }
        updateListening();
      });
      flushTimer = vertx.setPeriodic(config.eventsCoalesceMs(), timer -> flushHeartbeats());
    }
    return Future.all(subscribed,
        requests.<Integer>handle(EVENTS_WATCHERS, this::watchers));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(watchTimer);
    vertx.cancelTimer(flushTimer);
    watchedFlag.set(false);
    return channel == null ? Future.succeededFuture() : channel.close();
  }

  /**
   * A stream opening (+1) or closing (-1) on this node. An opening is answered at once: {@code false}
   * when this node has {@code events.maxStreams} open already, else {@code true} (a closing, always
   * {@code true}); the other nodes are told in the background (answering only after Redis took that
   * message would let a slow Redis time the request out after the stream was counted, and the count
   * would never come down).
   */
  private void watchers(Message<Integer> message) {
    if (message.body() < 0) {
      localStreams = Math.max(0, localStreams - 1);
      updateListening();
      message.reply(true);
      return;
    }
    if (maxStreams > 0 && localStreams >= maxStreams) {
      message.reply(false);
      return;
    }
    localStreams++;
    // Listening (and the Watched flag) before the reply, so that the stream's `ready` comes after it.
    updateListening();
    message.reply(true);
    if (localStreams == 1 && channel != null) {
      announceWatch();
    }
  }

  private Future<Void> announceWatch() {
    return channel.publish(WATCH).recover(failure -> {
      LOG.warn("cannot ask the other nodes for live events: {}", failure.getMessage());
      return Future.succeededFuture();
    });
  }

  /** Listens to the domains exactly while some stream, here or on another node, is open. */
  private void updateListening() {
    boolean watched = localStreams > 0 || System.currentTimeMillis() < othersWatchUntil;
    if (watched && domainConsumers.isEmpty()) {
      listen();
    } else if (!watched && !domainConsumers.isEmpty()) {
      domainConsumers.forEach(MessageConsumer::unregister);
      domainConsumers.clear();
    }
    watchedFlag.set(watched);
    if (localStreams == 0) {
      pendingHeartbeats.clear();
    }
  }

  private void listen() {
    on(DISCOVERY_INSTANCE_REGISTERED, (Instance instance) -> emit(LiveEvent.REGISTRY, "instance-registered", instance));
    on(DISCOVERY_HEARTBEATS, (Discovery.Heartbeats beats) -> heartbeats(beats.instances()));
    on(DISCOVERY_INSTANCE_EXPIRED, (Instance instance) -> emit(LiveEvent.REGISTRY, INSTANCE_EXPIRED, instance));
    on(DISCOVERY_INSTANCE_DEREGISTERED,
        (Discovery.InstanceKey key) -> emit(LiveEvent.REGISTRY, INSTANCE_DEREGISTERED, key));
    on(DISCOVERY_STATUS_CHANGED, (StatusChange change) -> emit(LiveEvent.REGISTRY, "instance-status", change));
    // Every node hears of every service change already (the registry relays them itself).
    on(SERVICES_CHANGED, (Services.ServiceChanged change) -> deliver(LiveEvent.REGISTRY, "service-changed", change));
    on(ALERTS_CHANGED, (Alert alert) -> emit(LiveEvent.ALERTS, "alert", AlertRoutes.AlertView.of(alert)));
    on(READINGS_INGESTED, (Readings.Ingested batch) -> emit(LiveEvent.DEVICES, "readings", new DeviceReadings(
        batch.deviceId(), batch.accepted().stream().map(r -> new ReadingView(r.time().text(), r.count())).toList())));
    on(STREAMS_LEASE_STARTED, (Lease lease) -> emit(LiveEvent.STREAMS, "lease-started", lease));
    on(STREAMS_LEASE_RELEASED, (Streams.LeaseKey key) -> emit(LiveEvent.STREAMS, "lease-released", key));
    on(STREAMS_LEASE_EXPIRED, (Lease lease) -> emit(LiveEvent.STREAMS, "lease-expired", lease));
  }

  private <T> void on(String address, Handler<T> handler) {
    domainConsumers.add(vertx.eventBus().<T>localConsumer(address, message -> handler.handle(message.body())));
  }

  /** The data of a {@code heartbeats} event; instances as records here, or as received from Redis. */
  record GroupHeartbeats(String group, List<?> instances) {
  }

  record DeviceReadings(String deviceId, List<ReadingView> readings) {
  }

  record ReadingView(String timestamp, int count) {
  }

  /** One event per group, so that a page showing one group can skip the others. */
  private void heartbeats(List<Instance> instances) {
    Map<String, List<Instance>> byGroup = new LinkedHashMap<>();
    instances.forEach(instance -> byGroup.computeIfAbsent(instance.group(), group -> new ArrayList<>()).add(instance));
    byGroup.forEach((group, beats) -> emit(LiveEvent.REGISTRY, HEARTBEATS, new GroupHeartbeats(group, beats)));
  }

  /** Sends an event to every node's streams: straight to this node's in memory, through Redis otherwise. */
  private void emit(String topic, String name, Object data) {
    LiveEvent event = new LiveEvent(topic, name, Json.encode(data).toString());
    if (channel == null) {
      vertx.eventBus().publish(EVENTS_LIVE, event);
      return;
    }
    channel.publish(event.toWire()).onComplete(done -> {
      if (done.failed() && !publishFailing) {
        LOG.warn("live events are not reaching the other nodes: {}", done.cause().getMessage());
        // This node's own streams have lost an event too.
        deliver(LiveEvent.resync());
      } else if (done.succeeded() && publishFailing) {
        LOG.info("live events reach the other nodes again");
        channel.publish(RESYNC);
      }
      publishFailing = done.failed();
    });
  }

  /** Sends an event to this node's streams only. */
  private void deliver(String topic, String name, Object data) {
    deliver(new LiveEvent(topic, name, Json.encode(data).toString()));
  }

  private void deliver(LiveEvent event) {
    if (localStreams > 0) {
      vertx.eventBus().publish(EVENTS_LIVE, event);
    }
  }

  /** A message on the Redis channel, from any node (this one included). */
  private void received(String wire) {
    if (WATCH.equals(wire)) {
      othersWatchUntil = System.currentTimeMillis() + WATCH_TTL_MS;
      updateListening();
      return;
    }
    if (RESYNC.equals(wire)) {
      deliver(LiveEvent.resync());
      return;
    }
    LiveEvent event = LiveEvent.fromWire(wire);
    if (event == null || localStreams == 0) {
      return;
    }
    if (INSTANCE_EXPIRED.equals(event.name()) || INSTANCE_DEREGISTERED.equals(event.name())) {
      // A renewal held for the next flush must not bring back an instance that has left.
      JsonNode instance = Json.parseBody(Buffer.buffer(event.data()));
      Map<String, JsonNode> group = pendingHeartbeats.get(instance.get("group").textValue());
      if (group != null) {
        group.remove(instance.get("id").textValue());
      }
      vertx.eventBus().publish(EVENTS_LIVE, event);
    } else if (HEARTBEATS.equals(event.name())) {
      JsonNode beats = Json.parseBody(Buffer.buffer(event.data()));
      Map<String, JsonNode> group = pendingHeartbeats.computeIfAbsent(beats.get("group").textValue(),
          name -> new LinkedHashMap<>());
      // Several nodes may have renewed one instance this period: keep its latest heartbeat (not the
      // batch that happened to arrive last).
      beats.get("instances").forEach(instance -> group.merge(instance.get("id").textValue(), instance,
          (held, arrived) -> arrived.get("updatedAt").asLong() >= held.get("updatedAt").asLong() ? arrived : held));
    } else {
      vertx.eventBus().publish(EVENTS_LIVE, event);
    }
  }

  private void flushHeartbeats() {
    pendingHeartbeats.forEach((group, instances) -> deliver(LiveEvent.REGISTRY, HEARTBEATS,
        new GroupHeartbeats(group, List.copyOf(instances.values()))));
    pendingHeartbeats.clear();
  }

  /** Events published while the subscription was down are lost: the streams are told to reload. */
  private void subscriptionChanged(boolean up) {
    if (up && localStreams > 0) {
      announceWatch();
      deliver(LiveEvent.resync());
    }
  }
}
