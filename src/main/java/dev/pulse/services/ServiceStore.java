package dev.pulse.services;

import dev.pulse.Page;
import dev.pulse.discovery.StatusChange;
import io.vertx.core.Future;

/**
 * The service registry's state: services, their instances and each instance's health.
 * Every read-then-write ({@link #register}, the removals, {@link #recordProbe}, {@link #claimProbe})
 * is atomic: one owner thread in memory, one Lua script under the service's hash tag in Redis.
 *
 * <p>Implementations: {@link MemoryServiceStore} and {@link RedisServiceStore}.
 */
public interface ServiceStore {

  Future<Void> start();

  /**
   * Creates the service or adds/updates the instances of {@code definition}'s endpoints (an endpoint
   * keeps its id); instances of other endpoints are left alone. {@code ifMatch} (null: none) must be
   * the service's current revision.
   */
  Future<Registration> register(ServiceDefinition definition, Long ifMatch);

  /** The service, or null. */
  Future<Service> service(String name);

  /** Services in name order after {@code after}, at most {@code limit} (0 = all). */
  Future<Page<Service>> services(String after, int limit);

  /** Removes the service and its instances; {@code ifMatch} compares the service's revision. */
  Future<Removal> removeService(String name, Long ifMatch);

  /**
   * Removes one instance; {@code ifMatch} compares the instance's revision. Removing a service's
   * last instance removes the service.
   */
  Future<Removal> removeInstance(String name, String id, Long ifMatch);

  /**
   * Applies one probe result to the instance's counters and status. Returns the status change it
   * caused, or null (none, or the instance is gone).
   */
  Future<StatusChange> recordProbe(String name, String id, ProbeResult result);

  /**
   * Claims the probing of {@code name/id} for {@code node} for {@code leaseMs}: 0 when {@code node}
   * holds it now (claimed or renewed), otherwise the ms left on another node's claim.
   */
  Future<Long> claimProbe(String name, String id, String node, long leaseMs);

  Future<ProbeMetrics> metrics();

  Future<Void> close();
}
