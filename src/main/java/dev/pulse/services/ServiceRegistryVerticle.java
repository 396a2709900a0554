package dev.pulse.services;

import static dev.pulse.Addresses.DISCOVERY_INSTANCE_DEREGISTERED;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_EXPIRED;
import static dev.pulse.Addresses.DISCOVERY_INSTANCE_REGISTERED;
import static dev.pulse.Addresses.DISCOVERY_STATUS_CHANGED;
import static dev.pulse.Addresses.SERVICES_CHANGED;
import static dev.pulse.Addresses.SERVICES_CLAIM;
import static dev.pulse.Addresses.SERVICES_GET;
import static dev.pulse.Addresses.SERVICES_LIST;
import static dev.pulse.Addresses.SERVICES_LOOKUP;
import static dev.pulse.Addresses.SERVICES_METRICS;
import static dev.pulse.Addresses.SERVICES_PROBE_TARGETS;
import static dev.pulse.Addresses.SERVICES_RECORD_PROBE;
import static dev.pulse.Addresses.SERVICES_REGISTER;
import static dev.pulse.Addresses.SERVICES_REMOVE;
import static dev.pulse.Addresses.SERVICES_REMOVE_INSTANCE;
import static dev.pulse.Addresses.SERVICES_RESOLVE;

import dev.pulse.DomainFailure;
import dev.pulse.DomainRequests;
import dev.pulse.Page;
import dev.pulse.Replies;
import dev.pulse.config.PulseConfig;
import dev.pulse.ops.DomainMetrics;
import dev.pulse.discovery.Discovery;
import dev.pulse.discovery.DiscoveryClient;
import dev.pulse.discovery.Instance;
import dev.pulse.redis.RedisClients;
import dev.pulse.redis.RedisKeys;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the service registry on this node: the store, the node's lookup cache and the round-robin
 * positions, all on this verticle's event loop. Reads see the registered instances and the
 * heartbeat instances of the group of the same name ({@link RegistryView}). Every write tells every node ({@link ChangeFeed})
 * so that their caches drop the service; health results recorded here are published as
 * {@code discovery.status-changed} when they change an instance's status.
 */
public final class ServiceRegistryVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistryVerticle.class);
  private static final String STORE = "service registry";

  private ServiceStore store;
  private ChangeFeed changes;
  private ServiceCache cache;
  /** Round-robin position per service and filter; filters are the callers', so the map is bounded. */
  private final Map<String, Long> roundRobin = new HashMap<>();
  private static final int MAX_ROUND_ROBIN_KEYS = 10_000;
  private DiscoveryClient discovery;
  private io.micrometer.core.instrument.Counter probesPassed;
  private io.micrometer.core.instrument.Counter probesFailed;
  private Map<Registration.Outcome, io.micrometer.core.instrument.Counter> registrations;
  private long heartbeatTtlMs;
  private final DomainRequests requests;

  public ServiceRegistryVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    if (config.redisStore()) {
      Redis redis = RedisClients.create(vertx, config);
      RedisKeys keys = new RedisKeys(config.redisKeyPrefix());
      store = new RedisServiceStore(redis, keys, config.eventBusTimeoutMs());
      changes = new RedisChangeFeed(vertx, config.redisEndpoints(), config.redisTimeoutMs(),
          config.redisMaxWaitingHandlers(), keys.serviceChanges(),
          subscribed -> cache.bypass(!subscribed));
    } else {
      store = new MemoryServiceStore();
      changes = ChangeFeed.local(vertx);
    }
    discovery = new DiscoveryClient(requests, config.eventBusTimeoutMs());
    heartbeatTtlMs = config.heartbeatTtlMs();
    cache = new ServiceCache(this::view, System::currentTimeMillis, heartbeatTtlMs);
    DomainMetrics metrics = new DomainMetrics(vertx);
    probesPassed = metrics.counter("pulse.probes", "Health-check probes run by this node", "result", "passed");
    probesFailed = metrics.counter("pulse.probes", "Health-check probes run by this node", "result", "failed");
    registrations = metrics.counters("pulse.services.registrations", "Service registrations by outcome", "outcome",
        Registration.Outcome.class);
    EventBus bus = vertx.eventBus();
    return Future.all(List.of(
        store.start().compose(ignored -> changes.start()).recover(RedisClients.notReady(STORE, config)),
        bus.<Services.ServiceChanged>consumer(SERVICES_CHANGED, m -> cache.invalidate(m.body().name())).completion(),
        bus.<Instance>consumer(DISCOVERY_INSTANCE_REGISTERED, m -> changed(m.body().group(), false)).completion(),
        bus.<Instance>consumer(DISCOVERY_INSTANCE_EXPIRED, m -> changed(m.body().group(), false)).completion(),
        bus.<Discovery.InstanceKey>consumer(DISCOVERY_INSTANCE_DEREGISTERED,
            m -> changed(m.body().group(), false)).completion(),
        requests.<Services.Register>handle(SERVICES_REGISTER, this::register),
        requests.<Services.ServiceName>handle(SERVICES_GET, this::service),
        requests.<Services.ServicesQuery>handle(SERVICES_LIST, this::services),
        requests.<Services.RemoveService>handle(SERVICES_REMOVE, this::removeService),
        requests.<Services.RemoveInstance>handle(SERVICES_REMOVE_INSTANCE, this::removeInstance),
        requests.<Services.Lookup>handle(SERVICES_LOOKUP, this::lookup),
        requests.<Services.Resolve>handle(SERVICES_RESOLVE, this::resolve),
        requests.<Services.ProbeTargetsQuery>handle(SERVICES_PROBE_TARGETS, this::probeTargets),
        requests.<Services.Claim>handle(SERVICES_CLAIM, this::claim),
        requests.<Services.RecordProbe>handle(SERVICES_RECORD_PROBE, this::recordProbe),
        requests.<Void>handle(SERVICES_METRICS, m -> Replies.reply(m, store.metrics(), STORE))));
  }

  @Override
  public Future<?> stop() {
    Future<Void> feed = changes == null ? Future.succeededFuture() : changes.close();
    return feed.eventually(() -> store == null ? Future.succeededFuture() : store.close());
  }

  /**
   * The service as lookups see it: its registered instances and the live instances heartbeating
   * into the group of its name ({@link RegistryView}); null when there are neither.
   */
  private Future<Service> view(String name) {
    Future<Service> registered = store.service(name);
    Future<Page<Instance>> heartbeating = discovery.instances(name, null, 0);
    return Future.all(registered, heartbeating)
        .map(all -> RegistryView.merge(name, registered.result(), heartbeating.result().items()));
  }

  /** Drops the service here at once (a read on this node sees its own write) and on every node. */
  private void changed(String name, boolean definition) {
    cache.invalidate(name);
    changes.publish(new Services.ServiceChanged(name, definition));
  }

  private void register(Message<Services.Register> message) {
    Services.Register register = message.body();
    Replies.reply(message, store.register(register.definition(), register.ifMatch()).map(registration -> {
      registrations.get(registration.outcome()).increment();
      if (registration.outcome() == Registration.Outcome.CREATED
          || registration.outcome() == Registration.Outcome.UPDATED) {
        changed(register.definition().name(), true);
      }
      return registration;
    }), STORE);
  }

  private void service(Message<Services.ServiceName> message) {
    String name = message.body().name();
    Replies.replyIfFound(message, view(name), STORE, "SERVICE_NOT_FOUND", notFound(name));
  }

  private static String notFound(String name) {
    return "no service named '" + name + "' is registered";
  }

  private void services(Message<Services.ServicesQuery> message) {
    Services.ServicesQuery query = message.body();
    Replies.reply(message, store.services(query.after(), query.limit()).map(page ->
        new Page<>(page.items().stream().map(ServiceSummary::of).toList(), page.nextKey())), STORE);
  }

  private void removeService(Message<Services.RemoveService> message) {
    Services.RemoveService remove = message.body();
    Replies.reply(message, store.removeService(remove.name(), remove.ifMatch())
        .map(removal -> removed(remove.name(), removal)), STORE);
  }

  private void removeInstance(Message<Services.RemoveInstance> message) {
    Services.RemoveInstance remove = message.body();
    Replies.reply(message, store.removeInstance(remove.name(), remove.id(), remove.ifMatch()).map(removal -> {
      if (removal.outcome() == Removal.Outcome.REMOVED) {
        // As for a deregistered heartbeat instance: an alert open for it is resolved.
        vertx.eventBus().publish(DISCOVERY_INSTANCE_DEREGISTERED,
            new Discovery.InstanceKey(remove.name(), remove.id()));
      }
      return removed(remove.name(), removal);
    }), STORE);
  }

  private Removal removed(String name, Removal removal) {
    if (removal.outcome() == Removal.Outcome.REMOVED) {
      changed(name, true);
    }
    return removal;
  }

  private void lookup(Message<Services.Lookup> message) {
    Services.Lookup lookup = message.body();
    Replies.reply(message, cache.get(lookup.name())
        .map(entry -> new Services.Instances(entry.matching(lookup.filter()))), STORE);
  }

  private void resolve(Message<Services.Resolve> message) {
    Services.Resolve resolve = message.body();
    cache.get(resolve.name()).onSuccess(entry -> {
      List<ServiceInstance> healthy = new ArrayList<>();
      for (ServiceInstance instance : entry.matching(resolve.filter())) {
        if (instance.status().equals(InstanceStatus.HEALTHY)) {
          healthy.add(instance);
        }
      }
      if (healthy.isEmpty()) {
        DomainFailure.fail(message, 503, "NO_HEALTHY_INSTANCE", entry.service() == null ? notFound(resolve.name())
            : "none of the " + entry.service().instances().size() + " instance(s) of '" + resolve.name()
                + "' is healthy and matches the filters");
        return;
      }
      if (roundRobin.size() >= MAX_ROUND_ROBIN_KEYS) {
        roundRobin.clear();
      }
      int index = switch (resolve.strategy()) {
        case RANDOM -> ThreadLocalRandom.current().nextInt(healthy.size());
        case ROUND_ROBIN -> (int) Math.floorMod(
            roundRobin.merge(resolve.name() + "?" + resolve.filter().canonical(), 1L, Long::sum) - 1,
            (long) healthy.size());
      };
      message.reply(healthy.get(index));
    }).onFailure(failure -> Replies.storeFailed(message, STORE, failure));
  }

  private void probeTargets(Message<Services.ProbeTargetsQuery> message) {
    String name = message.body().name();
    Future<List<Service>> services = name == null
        ? store.services(null, 0).map(Page::items)
        : store.service(name).map(service -> service == null ? List.of() : List.of(service));
    Replies.reply(message, services.map(all -> {
      List<Services.ProbeTarget> targets = new ArrayList<>();
      for (Service service : all) {
        for (ServiceInstance instance : service.instances()) {
          if (instance.healthCheck() != null) {
            targets.add(new Services.ProbeTarget(service.name(), instance.id(), instance.address(),
                instance.healthCheck()));
          }
        }
      }
      return new Services.ProbeTargets(targets);
    }), STORE);
  }

  private void claim(Message<Services.Claim> message) {
    Services.Claim claim = message.body();
    Replies.reply(message, store.claimProbe(claim.name(), claim.id(), claim.node(), claim.leaseMs()), STORE);
  }

  private void recordProbe(Message<Services.RecordProbe> message) {
    Services.RecordProbe record = message.body();
    (record.result().passed() ? probesPassed : probesFailed).increment();
    Replies.reply(message, store.recordProbe(record.name(), record.id(), record.result()).map(change -> {
      if (change != null) {
        // Only a status change drops caches; lookups' lastCheck may lag by up to ServiceCache.MAX_AGE_MS.
        changed(record.name(), false);
        LOG.info("instance {}/{} is {} (was {}): {}", change.group(), change.instanceId(), change.newStatus(),
            change.oldStatus(), change.reason());
        vertx.eventBus().publish(DISCOVERY_STATUS_CHANGED, change);
      }
      return true;
    }), STORE);
  }
}
