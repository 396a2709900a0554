package dev.pulse.redis;

/**
 * Every Redis key Pulse uses, built in one place. Keys of one entity carry its id as the hash tag
 * ({@code {group}}), so that a Lua script touching them runs on one Cluster shard.
 */
public final class RedisKeys {

  private final String prefix;

  public RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  /** Sorted set: instance id → last heartbeat (epoch ms). The group's expiry index. */
  public String groupBeats(String group) {
    return prefix + ":hb:{" + group + "}:beats";
  }

  /** Sorted set: instance id → createdAt (epoch ms). Listing order: oldest first, then by id. */
  public String groupCreated(String group) {
    return prefix + ":hb:{" + group + "}:created";
  }

  /** Hash: instance id → meta as compact JSON. */
  public String groupMeta(String group) {
    return prefix + ":hb:{" + group + "}:meta";
  }

  /**
   * Sorted set: group → the earliest time one of its instances may expire. Sweeps read only the
   * groups that are due; {@code GET /} reads the members.
   */
  public String groupsDue() {
    return prefix + ":hb:groups";
  }
}
