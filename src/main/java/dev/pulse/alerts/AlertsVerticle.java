package dev.pulse.alerts;

import static dev.pulse.Addresses.ALERTS_CHANGED;
import static dev.pulse.Addresses.ALERTS_GET;
import static dev.pulse.Addresses.ALERTS_INGEST;
import static dev.pulse.Addresses.ALERTS_LIST;
import static dev.pulse.Addresses.ALERTS_STATS;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_DEREGISTERED;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_EXPIRED;
import static dev.pulse.Addresses.DISCOVERY_STATUS_CHANGED;

import dev.pulse.DomainRequests;
import dev.pulse.InTurn;
import dev.pulse.Replies;
import dev.pulse.config.PulseConfig;
import dev.pulse.events.Watched;
import dev.pulse.ops.DomainMetrics;
import dev.pulse.discovery.Discovery;
import dev.pulse.discovery.Instance;
import dev.pulse.discovery.StatusChange;
import dev.pulse.redis.RedisClients;
import dev.pulse.redis.RedisKeys;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the alerts: ingests emitter events, answers queries and statistics, and raises Pulse's own
 * alerts: an instance that turns {@code unhealthy} opens an alert (service = its group, no
 * responder), which is acknowledged and resolved when the instance is healthy again, expires or
 * is deregistered.
 */
public final class AlertsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsVerticle.class);
  private static final String STORE = "alert";
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Watched watched;
  private AlertStore store;
  private final Clock clock = Clock.systemUTC();
  /** Each instance's alert updates, one after the other. */
  private final InTurn perInstance = new InTurn();
  private final DomainRequests requests;

  public AlertsVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    watched = Watched.of(vertx);
    store = config.redisStore()
        ? new RedisAlertStore(vertx, RedisClients.create(vertx, config), new RedisKeys(config.redisKeyPrefix()))
        : new MemoryAlertStore();
    startMetrics();
    EventBus bus = vertx.eventBus();
    return Future.all(List.of(
        store.start().recover(RedisClients.notReady(STORE, config)),
        requests.<AlertEvent>handle(ALERTS_INGEST, m -> {
          ingested.get(m.body().type()).increment();
          Replies.reply(m, ingest(m.body()), STORE);
        }),
        requests.<Alerts.AlertKey>handle(ALERTS_GET, this::get),
        requests.<AlertQuery>handle(ALERTS_LIST, m -> Replies.reply(m, store.list(m.body()), STORE)),
        requests.<AlertQuery>handle(ALERTS_STATS, m -> Replies.reply(m, store.stats(m.body()), STORE)),
        bus.<StatusChange>consumer(DISCOVERY_STATUS_CHANGED, this::statusChanged).completion(),
        bus.<Instance>consumer(DISCOVERY_INSTANCE_EXPIRED, this::instanceExpired).completion(),
        bus.<Discovery.InstanceKey>consumer(DISCOVERY_INSTANCE_DEREGISTERED, this::instanceDeregistered).completion()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(gaugeTimer);
    return store == null ? Future.succeededFuture() : store.close();
  }

  private java.util.Map<AlertEvent.Type, io.micrometer.core.instrument.Counter> ingested;
  private io.micrometer.core.instrument.MultiGauge byStatus;
  private long gaugeTimer;

  /** Starts the metrics: counters as events arrive, and every alert's count by status from the store's statistics. */
  private void startMetrics() {
    DomainMetrics metrics = new DomainMetrics(vertx);
    ingested = metrics.counters("pulse.alerts.ingested", "Alert events ingested by type", "type", AlertEvent.Type.class);
    byStatus = metrics.gauges("pulse.alerts", "Alerts by current status");
    gaugeTimer = vertx.setPeriodic(DomainMetrics.GAUGE_REFRESH_MS, timer -> store.stats(AlertQuery.all())
        .onSuccess(stats -> byStatus.register(DomainMetrics.rows("status", stats.byStatus()), true)));
  }

  /** Stores an event and announces the alert as it now stands. */
  private Future<Alert> ingest(AlertEvent event) {
    return store.ingest(event).onSuccess(alert -> watched.publish(vertx.eventBus(), ALERTS_CHANGED, alert));
  }

  private void get(Message<Alerts.AlertKey> message) {
    String alertId = message.body().alertId();
    Replies.replyIfFound(message, store.get(alertId), STORE, "ALERT_NOT_FOUND",
        "no alert with id '" + alertId + "'");
  }

  private void statusChanged(Message<StatusChange> message) {
    StatusChange change = message.body();
    if (StatusChange.UNHEALTHY.equals(change.newStatus())) {
      inTurn(change.group(), change.instanceId(), () -> raise(change.group(), change.instanceId(), change.reason()));
    } else if (StatusChange.HEALTHY.equals(change.newStatus())) {
      inTurn(change.group(), change.instanceId(), () -> resolve(change.group(), change.instanceId()));
    }
  }

  private void instanceExpired(Message<Instance> message) {
    Instance instance = message.body();
    inTurn(instance.group(), instance.id(), () -> resolve(instance.group(), instance.id()));
  }

  private void instanceDeregistered(Message<Discovery.InstanceKey> message) {
    Discovery.InstanceKey key = message.body();
    inTurn(key.group(), key.id(), () -> resolve(key.group(), key.id()));
  }

  /**
   * Runs one instance's alert updates one after the other: an "unhealthy" followed at once by
   * another must find the first one's alert open, not raise a second.
   */
  private void inTurn(String group, String instanceId, java.util.function.Supplier<Future<?>> update) {
    perInstance.run(group + "/" + instanceId, update::get);
  }

  /** Opens an alert for an unhealthy instance unless one is open already. */
  private Future<?> raise(String group, String instanceId, String reason) {
    String name = unhealthyAlertName(group, instanceId);
    return openAlerts(name).compose(open -> {
      if (!open.isEmpty()) {
        return Future.succeededFuture();
      }
      Timestamp now = now();
      LOG.warn("raising alert: {} ({})", name, reason);
      return ingest(new AlertEvent(AlertEvent.Type.ALERT_CREATED, UUID.randomUUID().toString(), name,
          AlertStatus.TRIGGERED, null, new AlertEvent.Party(group, group), now, null, null)).mapEmpty();
    }).onFailure(failure -> LOG.error("cannot raise alert '{}': {}", name, failure.getMessage()));
  }

  /** Acknowledges and resolves the open alert of an instance, if there is one. */
  private Future<?> resolve(String group, String instanceId) {
    String name = unhealthyAlertName(group, instanceId);
    return openAlerts(name).compose(open -> {
      Timestamp now = now();
      return Future.all(open.stream().map(alert -> ingest(new AlertEvent(AlertEvent.Type.ALERT_CHANGED,
          alert.alertId(), alert.name(), AlertStatus.RESOLVED, null, alert.service(), alert.triggeredOn(),
          now, now))).toList());
    }).onFailure(failure -> LOG.error("cannot resolve alert '{}': {}", name, failure.getMessage()));
  }

  private Future<List<Alert>> openAlerts(String name) {
    return store.list(new AlertQuery(name, null, null, Set.of(AlertStatus.TRIGGERED, AlertStatus.ACKNOWLEDGED),
        null, null, null, 0)).map(page -> page.items());
  }

  static String unhealthyAlertName(String group, String instanceId) {
    return "Instance " + instanceId + " of service " + group + " is unhealthy";
  }

  private Timestamp now() {
    Instant now = clock.instant();
    return new Timestamp(ISO_MILLIS.format(now), now.toEpochMilli());
  }
}
