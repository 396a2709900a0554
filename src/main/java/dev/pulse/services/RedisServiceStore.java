package dev.pulse.services;

import dev.pulse.Page;
import dev.pulse.discovery.StatusChange;
import dev.pulse.redis.LuaScript;
import dev.pulse.redis.NameIndex;
import dev.pulse.redis.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The service registry in Redis (standalone or Cluster), shared by every Pulse node. A service's
 * keys share the hash tag {@code {svc:name}} (see {@link RedisKeys#serviceMeta}), so registering,
 * removing and recording a probe are each one Lua script on one shard. A {@link NameIndex} of
 * service names serves {@code GET /services}. The counts of {@code GET /discovery/metrics} live in
 * one hash for all nodes, moved after each script by what it did: a node that dies between the
 * two leaves the live counts off by that one change (they are figures to watch, not state).
 */
public final class RedisServiceStore implements ServiceStore {

  private static final String SERVICE = "lib/service";
  private static final LuaScript READ = LuaScript.load("services_read", SERVICE);
  private static final LuaScript REGISTER = LuaScript.load("services_register", SERVICE);
  private static final LuaScript REMOVE = LuaScript.load("services_remove");
  private static final LuaScript REMOVE_INSTANCE = LuaScript.load("services_remove_instance");
  private static final LuaScript PROBE = LuaScript.load("services_probe");
  private static final LuaScript CLAIM = LuaScript.load("services_claim");

  private final Redis redis;
  private final RedisKeys keys;
  private final NameIndex names;

  /** {@code listBudgetMs}: how long {@link #services} may go on reading services (see {@link NameIndex}). */
  public RedisServiceStore(Redis redis, RedisKeys keys, long listBudgetMs) {
    this.redis = redis;
    this.keys = keys;
    this.names = new NameIndex(redis, keys.serviceNames(), listBudgetMs);
  }

  @Override
  public Future<Void> start() {
    return redis.send(Request.cmd(Command.PING)).mapEmpty();
  }

  private List<String> serviceKeys(String name) {
    return List.of(keys.serviceMeta(name), keys.serviceEndpoints(name), keys.serviceIds(name));
  }

  @Override
  public Future<Registration> register(ServiceDefinition definition, Long ifMatch) {
    String name = definition.name();
    HealthCheck check = definition.healthCheck();
    List<String> args = new ArrayList<>(List.of(keys.serviceInstancePrefix(name), name, definition.version(),
        definition.metadata(), definition.encodedCheck(), check == null ? "" : String.valueOf(check.threshold()),
        InstanceStatus.initial(check), ifMatch == null ? "" : String.valueOf(ifMatch)));
    args.addAll(definition.endpoints());
    return REGISTER.run(redis, serviceKeys(name), args).compose(reply -> {
      String outcome = reply.get(0).toString();
      if (outcome.equals("precondition")) {
        return Future.succeededFuture(Registration.preconditionFailed(reply.get(1).toLong()));
      }
      Service service = parseService(name, reply, 2);
      Registration registration = new Registration(switch (outcome) {
        case "created" -> Registration.Outcome.CREATED;
        case "updated" -> Registration.Outcome.UPDATED;
        default -> Registration.Outcome.UNCHANGED;
      }, service, service.revision());
      long added = reply.get(1).toLong();
      List<Future<?>> after = new ArrayList<>();
      // Indexed after the script: a concurrent removal re-checks existence after un-indexing (unindex()).
      after.add(names.add(name));
      if (registration.outcome() == Registration.Outcome.CREATED) {
        after.add(count("services", 1));
      }
      if (added > 0) {
        after.add(count("instances", added));
      }
      return Future.all(after).map(registration);
    });
  }

  @Override
  public Future<Service> service(String name) {
    return READ.run(redis, serviceKeys(name), List.of(keys.serviceInstancePrefix(name)))
        .map(reply -> reply.get(0).toLong() == 0 ? null : parseService(name, reply, 0));
  }

  @Override
  public Future<Page<Service>> services(String after, int limit) {
    return names.collect(after, limit, this::service, Service::name);
  }

  @Override
  public Future<Removal> removeService(String name, Long ifMatch) {
    return REMOVE.run(redis, serviceKeys(name), List.of(keys.serviceInstancePrefix(name),
            keys.serviceLeasePrefix(name), ifMatch == null ? "" : String.valueOf(ifMatch)))
        .compose(reply -> removal(name, reply, reply.get(2).toLong(), true));
  }

  @Override
  public Future<Removal> removeInstance(String name, String id, Long ifMatch) {
    return REMOVE_INSTANCE.run(redis, serviceKeys(name), List.of(keys.serviceInstancePrefix(name),
            keys.serviceLeasePrefix(name), id, ifMatch == null ? "" : String.valueOf(ifMatch)))
        .compose(reply -> removal(name, reply, 1, reply.get(2).toLong() == 0));
  }

  private Future<Removal> removal(String name, Response reply, long instancesRemoved, boolean serviceGone) {
    return switch (reply.get(0).toString()) {
      case "missing" -> Future.succeededFuture(Removal.NOT_FOUND);
      case "precondition" -> Future.succeededFuture(
          new Removal(Removal.Outcome.PRECONDITION_FAILED, reply.get(1).toLong()));
      default -> {
        List<Future<?>> after = new ArrayList<>(List.of(count("instances", -instancesRemoved)));
        if (serviceGone) {
          after.add(count("services", -1));
          after.add(unindex(name));
        }
        yield Future.all(after).map(Removal.REMOVED);
      }
    };
  }

  /**
   * Drops a removed service's name from the index, then puts it back if a registration on another
   * node re-created the service meanwhile (it indexes after its script; this check comes after the
   * un-indexing, so one of the two always leaves a live service indexed).
   */
  private Future<Void> unindex(String name) {
    return names.remove(name)
        .compose(ignored -> redis.send(Request.cmd(Command.HEXISTS).arg(keys.serviceMeta(name)).arg("revision")))
        .compose(exists -> exists.toInteger() == 1 ? names.add(name) : Future.succeededFuture());
  }

  @Override
  public Future<StatusChange> recordProbe(String name, String id, ProbeResult result) {
    List<Future<?>> writes = new ArrayList<>();
    writes.add(count("healthChecks", 1));
    if (!result.passed()) {
      writes.add(count("failures", 1));
    }
    Future<Response> applied = PROBE.run(redis, List.of(keys.serviceInstancePrefix(name) + id),
        List.of(result.passed() ? "1" : "0", String.valueOf(result.at()), String.valueOf(result.latencyMs()),
            result.error() == null ? "" : result.error()));
    writes.add(applied);
    return Future.all(writes).map(ignored -> {
      Response reply = applied.result();
      if (reply == null || reply.get(0).toString().equals(reply.get(1).toString())) {
        return null;
      }
      return new StatusChange(name, id, reply.get(0).toString(), reply.get(1).toString(), result.reason());
    });
  }

  private Future<Response> count(String counter, long delta) {
    return redis.send(Request.cmd(Command.HINCRBY).arg(keys.serviceCounts()).arg(counter).arg(delta));
  }

  @Override
  public Future<Long> claimProbe(String name, String id, String node, long leaseMs) {
    return CLAIM.run(redis, List.of(keys.serviceLeasePrefix(name) + id), List.of(node, String.valueOf(leaseMs)))
        .map(Response::toLong);
  }

  @Override
  public Future<ProbeMetrics> metrics() {
    return redis.send(Request.cmd(Command.HMGET).arg(keys.serviceCounts())
            .arg("services").arg("instances").arg("healthChecks").arg("failures"))
        .map(counts -> new ProbeMetrics(counted(counts, 0), counted(counts, 1), counted(counts, 2), counted(counts, 3)));
  }

  private static long counted(Response counts, int index) {
    return counts.get(index) == null ? 0 : counts.get(index).toLong();
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }

  /** A {@code read_service} reply starting at {@code from}: the revision, then one row per instance. */
  private static Service parseService(String name, Response reply, int from) {
    long revision = reply.get(from).toLong();
    List<ServiceInstance> instances = new ArrayList<>(reply.size() - from - 1);
    for (int i = from + 1; i < reply.size(); i++) {
      Response row = reply.get(i);
      HealthCheck check = HealthCheck.decode(text(row, 7));
      instances.add(new ServiceInstance(text(row, 0), name, text(row, 1), text(row, 2), text(row, 3),
          text(row, 4), number(row, 5), row.get(6).toLong(), check, number(row, 8).intValue(),
          number(row, 9).intValue(), text(row, 10), number(row, 11), row.get(12).toLong(), false));
    }
    return new Service(name, revision, List.copyOf(instances));
  }

  private static String text(Response row, int index) {
    Response value = row.get(index);
    return value == null ? null : value.toString();
  }

  private static Long number(Response row, int index) {
    Response value = row.get(index);
    return value == null ? null : value.toLong();
  }
}
