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
   * Base name of the {@link DueIndex} of groups: group → the earliest time one of its instances may
   * expire. Sweeps read only the groups that are due; {@code GET /} reads the members.
   */
  public String groupsDue() {
    return prefix + ":hb:groups";
  }

  /** Base name of the {@link NameIndex} of groups, in name order: what {@code GET /} pages through. */
  public String groupNames() {
    return prefix + ":hb:names";
  }

  /** Sorted set: stream id → expiresAt (epoch ms) of each of the user's leases. */
  public String userLeases(String userId) {
    return prefix + ":st:{" + userId + "}:leases";
  }

  /** Hash: stream id → the lease's JSON ({@code contentId}, {@code deviceId}, {@code startedAt}). */
  public String userLeaseData(String userId) {
    return prefix + ":st:{" + userId + "}:data";
  }

  /** String: the user's own stream limit; absent when the default applies. */
  public String userLimit(String userId) {
    return prefix + ":st:{" + userId + "}:limit";
  }

  /** Base name of the {@link DueIndex} of users: user → the earliest time one of their leases can expire. */
  public String usersDue() {
    return prefix + ":st:users";
  }

  /**
   * Alerts all live under one hash tag, {@code {alerts}}: one event's update of the alert and of
   * every statistics group it belongs to is then one script on one shard.
   */
  public String alertData() {
    return prefix + ":al:{alerts}:data";
  }

  /** Sorted set (all scores 0): order keys of a group's alerts, read newest first by lex range. */
  public String alertIndex(String dimension) {
    return prefix + ":al:{alerts}:idx:" + dimension;
  }

  /** Hash: a group's counts by status and sums of durations. */
  public String alertAggregate(String dimension) {
    return prefix + ":al:{alerts}:agg:" + dimension;
  }

  /** Sorted set: alertId → time to acknowledge (ms) within a group. */
  public String alertTimeToAcknowledge(String dimension) {
    return prefix + ":al:{alerts}:tta:" + dimension;
  }

  /** Sorted set: alertId → time to resolve (ms) within a group. */
  public String alertTimeToResolve(String dimension) {
    return prefix + ":al:{alerts}:ttr:" + dimension;
  }

  /** Sorted set (all scores 0): reading keys of a device, in time order. */
  public String deviceReadings(String deviceId) {
    return prefix + ":rd:{" + deviceId + "}:index";
  }

  /** Hash: reading key → {@code count|format}. */
  public String deviceValues(String deviceId) {
    return prefix + ":rd:{" + deviceId + "}:values";
  }

  /** Hash: {@code cumulative}, {@code latest} (reading key) and {@code latestFormat} of a device. */
  public String deviceSummary(String deviceId) {
    return prefix + ":rd:{" + deviceId + "}:summary";
  }

  /** Base name of the {@link NameIndex} of known devices. */
  public String deviceNames() {
    return prefix + ":rd:devices";
  }

  /** Hash: a service's {@code revision} and id {@code sequence}. Service keys share the tag {@code {svc:name}}. */
  public String serviceMeta(String name) {
    return prefix + ":svc:{" + name + "}:meta";
  }

  /** Hash: endpoint address → instance id. */
  public String serviceEndpoints(String name) {
    return prefix + ":svc:{" + name + "}:endpoints";
  }

  /** Sorted set: instance id → registration order. */
  public String serviceIds(String name) {
    return prefix + ":svc:{" + name + "}:ids";
  }

  /** Prefix of the instance hashes ({@code <prefix><id>}): definition, status and probe counters. */
  public String serviceInstancePrefix(String name) {
    return prefix + ":svc:{" + name + "}:i:";
  }

  /** Prefix of the probe leases ({@code <prefix><id>}): the node that probes the instance, with a TTL. */
  public String serviceLeasePrefix(String name) {
    return prefix + ":svc:{" + name + "}:lease:";
  }

  /** Base name of the {@link NameIndex} of services. */
  public String serviceNames() {
    return prefix + ":svc:names";
  }

  /**
   * Hash: live {@code services} and {@code instances}, probes run ({@code healthChecks}) and failed
   * ({@code failures}) by every node.
   */
  public String serviceCounts() {
    return prefix + ":svc:counts";
  }

  /** Pub/sub channel: the name of each service that changed, so that every node drops its cached copy. */
  public String serviceChanges() {
    return prefix + ":svc:changes";
  }

  /** Pub/sub channel: the live events of every node, for every node's {@code GET /events} streams. */
  public String liveEvents() {
    return prefix + ":live";
  }
}
