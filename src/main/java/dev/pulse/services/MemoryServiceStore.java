package dev.pulse.services;

import dev.pulse.Page;
import dev.pulse.discovery.StatusChange;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The service registry in memory, owned by the event loop of the verticle that created it: no locks. */
public final class MemoryServiceStore implements ServiceStore {

  private final TreeMap<String, Entry> services = new TreeMap<>();
  /** The id sequence of each removed service, so that a service registered again never reuses an id. */
  private final Map<String, Integer> retiredSequences = new HashMap<>();
  private long healthChecks;
  private long failures;

  /** A service's mutable state; its instances are immutable records replaced on change. */
  private static final class Entry {
    long revision;
    int sequence;
    final Map<String, String> idByAddress = new HashMap<>();
    final LinkedHashMap<String, ServiceInstance> instances = new LinkedHashMap<>();

    Service snapshot(String name) {
      return new Service(name, revision, List.copyOf(instances.values()));
    }
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Registration> register(ServiceDefinition definition, Long ifMatch) {
    Entry entry = services.get(definition.name());
    long current = entry == null ? 0 : entry.revision;
    if (ifMatch != null && ifMatch != current) {
      return Future.succeededFuture(Registration.preconditionFailed(current));
    }
    boolean created = entry == null;
    if (created) {
      entry = new Entry();
      entry.sequence = retiredSequences.getOrDefault(definition.name(), 0);
    }
    boolean changed = false;
    for (String address : definition.endpoints()) {
      String id = entry.idByAddress.get(address);
      if (id == null) {
        entry.sequence++;
        id = definition.name() + "-" + entry.sequence;
        entry.idByAddress.put(address, id);
        entry.instances.put(id, ServiceInstance.registered(id, definition, address, 1, entry.sequence));
        changed = true;
      } else {
        ServiceInstance old = entry.instances.get(id);
        ServiceInstance updated = old.redefinedBy(definition);
        if (updated != old) {
          entry.instances.put(id, updated);
          changed = true;
        }
      }
    }
    if (changed) {
      entry.revision++;
      services.put(definition.name(), entry);
      retiredSequences.remove(definition.name());
    }
    Registration.Outcome outcome = created ? Registration.Outcome.CREATED
        : changed ? Registration.Outcome.UPDATED : Registration.Outcome.UNCHANGED;
    return Future.succeededFuture(new Registration(outcome, entry.snapshot(definition.name()), entry.revision));
  }

  @Override
  public Future<Service> service(String name) {
    Entry entry = services.get(name);
    return Future.succeededFuture(entry == null ? null : entry.snapshot(name));
  }

  @Override
  public Future<Page<Service>> services(String after, int limit) {
    Map<String, Entry> tail = after == null ? services : services.tailMap(after, false);
    List<Service> found = new ArrayList<>();
    for (Map.Entry<String, Entry> entry : tail.entrySet()) {
      found.add(entry.getValue().snapshot(entry.getKey()));
      if (limit > 0 && found.size() > limit) {
        break;
      }
    }
    return Future.succeededFuture(Page.ofFound(found, limit, Service::name));
  }

  @Override
  public Future<Removal> removeService(String name, Long ifMatch) {
    Entry entry = services.get(name);
    if (entry == null) {
      return Future.succeededFuture(Removal.NOT_FOUND);
    }
    if (ifMatch != null && ifMatch != entry.revision) {
      return Future.succeededFuture(new Removal(Removal.Outcome.PRECONDITION_FAILED, entry.revision));
    }
    retire(name);
    return Future.succeededFuture(Removal.REMOVED);
  }

  private void retire(String name) {
    retiredSequences.put(name, services.remove(name).sequence);
  }

  @Override
  public Future<Removal> removeInstance(String name, String id, Long ifMatch) {
    Entry entry = services.get(name);
    ServiceInstance instance = entry == null ? null : entry.instances.get(id);
    if (instance == null) {
      return Future.succeededFuture(Removal.NOT_FOUND);
    }
    if (ifMatch != null && ifMatch != instance.revision()) {
      return Future.succeededFuture(new Removal(Removal.Outcome.PRECONDITION_FAILED, instance.revision()));
    }
    entry.instances.remove(id);
    entry.idByAddress.remove(instance.address());
    entry.revision++;
    if (entry.instances.isEmpty()) {
      retire(name);
    }
    return Future.succeededFuture(Removal.REMOVED);
  }

  @Override
  public Future<StatusChange> recordProbe(String name, String id, ProbeResult result) {
    healthChecks++;
    if (!result.passed()) {
      failures++;
    }
    Entry entry = services.get(name);
    ServiceInstance old = entry == null ? null : entry.instances.get(id);
    if (old == null || old.healthCheck() == null) {
      return Future.succeededFuture(null);
    }
    int fails = result.passed() ? 0 : old.consecutiveFailures() + 1;
    int passes = result.passed() ? old.consecutivePasses() + 1 : 0;
    String status = HealthRule.next(old.status(), result.passed(), result.passed() ? passes : fails,
        old.healthCheck().threshold());
    entry.instances.put(id, old.probed(result, status, fails, passes));
    return Future.succeededFuture(status.equals(old.status()) ? null
        : new StatusChange(name, id, old.status(), status, result.reason()));
  }

  @Override
  public Future<Long> claimProbe(String name, String id, String node, long leaseMs) {
    return Future.succeededFuture(0L);
  }

  @Override
  public Future<ProbeMetrics> metrics() {
    long instances = services.values().stream().mapToLong(entry -> entry.instances.size()).sum();
    return Future.succeededFuture(new ProbeMetrics(services.size(), instances, healthChecks, failures));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
