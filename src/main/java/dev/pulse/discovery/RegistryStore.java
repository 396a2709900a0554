package dev.pulse.discovery;

import dev.pulse.Expired;
import dev.pulse.Page;
import io.vertx.core.Future;

/**
 * The heartbeat registry's state. An instance is live while its last heartbeat is younger than the
 * TTL; every read filters on that, so reads never show an expired instance whether or not a sweep
 * has run. {@link #expire} removes what is stale, in time proportional to what it removes.
 *
 * <p>Implementations: {@link MemoryRegistryStore} (owned by one event loop, no locks) and
 * {@link RedisRegistryStore} (one Lua script per update, keys under the group's hash tag).
 */
public interface RegistryStore {

  /** Completes when the store can serve requests (for Redis: the server answered a PING). */
  Future<Void> start();

  /** Registers or renews {@code group/id}. {@code meta} is compact JSON text, or null to keep it. */
  Future<HeartbeatResult> heartbeat(String group, String id, String meta);

  /** Removes a live instance; false when {@code group/id} is not registered (or already expired). */
  Future<Boolean> deregister(String group, String id);

  /** The live instance, or null. */
  Future<Instance> instance(String group, String id);

  /** Groups with at least one live instance, sorted by name. */
  Future<Page<GroupSummary>> groups(String after, int limit);

  /** Live instances of a group, oldest first (ties by id). */
  Future<Page<Instance>> instances(String group, String after, int limit);

  /** Removes at most {@code max} expired instances and returns them, saying whether more are due. */
  Future<Expired<Instance>> expire(int max);

  Future<Void> close();
}
