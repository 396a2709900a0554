package dev.pulse.streams;

import dev.pulse.Expired;
import dev.pulse.redis.DueIndex;
import dev.pulse.redis.LuaScript;
import dev.pulse.redis.RedisKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Leases in Redis (standalone or Cluster), shared by every Pulse node. Per user, under the hash tag
 * {@code {user}}: a sorted set of leases scored by expiry, a hash of lease data and the user's own
 * limit; admission is one Lua script over those keys, so the limit holds exactly however many
 * nodes admit at once. A {@link DueIndex} of users lets the sweep visit only users with a lease due.
 */
public final class RedisStreamStore implements StreamStore {

  private static final Comparator<Lease> OLDEST_FIRST =
      Comparator.comparingLong(Lease::startedAt).thenComparing(Lease::streamId);

  /** The prelude that gives the scripts the Redis server's clock. */
  private static final String CLOCK = "lib/clock";

  private static final LuaScript ACQUIRE = LuaScript.load("streams_acquire", CLOCK);
  private static final LuaScript RENEW = LuaScript.load("streams_renew", CLOCK);
  private static final LuaScript RELEASE = LuaScript.load("streams_release", CLOCK);
  private static final LuaScript LIST = LuaScript.load("streams_list", CLOCK);
  private static final LuaScript SWEEP = LuaScript.load("streams_sweep", CLOCK);

  private final Redis redis;
  private final RedisKeys keys;
  private final DueIndex dueUsers;
  private final Clock clock;
  private final long leaseMs;
  private final int defaultLimit;

  /**
   * {@code clock} null (production) makes the scripts read the time of the Redis server that holds
   * the user, so every node judges a user's leases by one clock however far the nodes' clocks
   * drift; tests pass a manual clock instead.
   */
  public RedisStreamStore(Redis redis, RedisKeys keys, Clock clock, long leaseMs, int defaultLimit) {
    this.redis = redis;
    this.keys = keys;
    this.dueUsers = new DueIndex(redis, keys.usersDue());
    this.clock = clock;
    this.leaseMs = leaseMs;
    this.defaultLimit = defaultLimit;
  }

  /** The time to pass to a script: the test clock, or '' for the Redis server's own. */
  private String scriptNow() {
    return clock == null ? "" : Long.toString(clock.millis());
  }

  /** This node's idea of now, for the due index only (being early or late there only moves a sweep). */
  private long nodeNow() {
    return clock == null ? System.currentTimeMillis() : clock.millis();
  }

  @Override
  public Future<Void> start() {
    return redis.send(Request.cmd(Command.PING)).mapEmpty();
  }

  @Override
  public Future<Admission> acquire(String userId, String streamId, String contentId, String deviceId) {
    String data = new JsonObject().put("contentId", contentId).put("deviceId", deviceId).encode();
    return ACQUIRE.run(redis, userKeys(userId), List.of(streamId, scriptNow(), Long.toString(leaseMs),
            Integer.toString(defaultLimit), data))
        .map(reply -> {
          Admission.Outcome outcome = Admission.Outcome.valueOf(reply.get(0).toString());
          int activeCount = reply.get(2).toInteger();
          int listedCount = reply.get(3).toInteger();
          List<Lease> listed = leases(userId, reply, 5, listedCount);
          List<Lease> expired = leases(userId, reply, 5 + 3 * listedCount, reply.get(4).toInteger());
          boolean refused = outcome == Admission.Outcome.REFUSED;
          Lease lease = refused ? null : listed.get(0);
          if (lease != null) {
            // Best effort, batched with other admissions' (one ZADD per index bucket per window, not
            // one per admission): the lease is stored whatever becomes of this write (another
            // shard may be down), and renewals write it again.
            dueUsers.dueBySoon(userId, lease.expiresAt());
          }
          return new Admission(outcome, lease, reply.get(1).toInteger(), activeCount, refused ? listed : List.of(),
              expired, false);
        });
  }

  @Override
  public Future<Lease> renew(String userId, String streamId) {
    // Each renewal writes the due index again (batched), so a user whose entry was lost is indexed again.
    dueUsers.dueBySoon(userId, nodeNow() + leaseMs);
    return RENEW.run(redis, userKeys(userId).subList(0, 2), List.of(streamId, scriptNow(), Long.toString(leaseMs)))
        .map(reply -> reply == null ? null
            : lease(userId, streamId, reply.get(0).toLong(), reply.get(1).toString()));
  }

  @Override
  public Future<Boolean> release(String userId, String streamId) {
    return RELEASE.run(redis, userKeys(userId).subList(0, 2), List.of(streamId, scriptNow()))
        .map(reply -> reply.toInteger() == 1);
  }

  @Override
  public Future<UserStreams> streams(String userId) {
    return LIST.run(redis, userKeys(userId), List.of(scriptNow()))
        .map(reply -> {
          List<Lease> active = leases(userId, reply, 1, (reply.size() - 1) / 3);
          return new UserStreams(userId, reply.get(0) == null ? defaultLimit : reply.get(0).toInteger(),
              active.size(), active);
        });
  }

  @Override
  public Future<StreamLimit> limit(String userId) {
    return redis.send(Request.cmd(Command.GET).arg(keys.userLimit(userId)))
        .map(value -> value == null ? new StreamLimit(userId, defaultLimit, false)
            : new StreamLimit(userId, value.toInteger(), true));
  }

  @Override
  public Future<StreamLimit> setLimit(String userId, Integer limit) {
    Request write = limit == null
        ? Request.cmd(Command.DEL).arg(keys.userLimit(userId))
        : Request.cmd(Command.SET).arg(keys.userLimit(userId)).arg(limit);
    return redis.send(write).map(done -> limit == null
        ? new StreamLimit(userId, defaultLimit, false)
        : new StreamLimit(userId, limit, true));
  }

  /**
   * Sweeps at most {@code max} due users, each for its share of {@code max} leases. A user whose
   * shard fails is left for the next sweep; the others' expiries are still reported.
   */
  @Override
  public Future<Expired<Lease>> expire(int max) {
    long now = nodeNow();
    return dueUsers.sweep(now, max, (userId, share) -> sweepUser(userId, now, share));
  }

  private Future<List<Lease>> sweepUser(String userId, long now, int max) {
    return SWEEP.run(redis, userKeys(userId).subList(0, 2), List.of(scriptNow(), Integer.toString(max)))
        .compose(reply -> {
          List<Lease> expired = leases(userId, reply, 1, (reply.size() - 1) / 3);
          Response next = reply.get(0);
          Future<Void> reschedule = next != null
              ? dueUsers.reschedule(userId, next.toLong())
              : dueUsers.forget(userId, now, () -> redis.send(Request.cmd(Command.ZCARD)
                  .arg(keys.userLeases(userId))).map(size -> size.toLong() == 0));
          // The leases are gone whatever becomes of the index write: report them.
          return reschedule.otherwiseEmpty().map(expired);
        });
  }

  @Override
  public Future<Void> close() {
    return dueUsers.flush().otherwiseEmpty().eventually(redis::close);
  }

  private List<String> userKeys(String userId) {
    return List.of(keys.userLeases(userId), keys.userLeaseData(userId), keys.userLimit(userId));
  }

  /** Reads {@code count} (streamId, expiresAt, data) triples from {@code reply} at {@code from}, oldest first. */
  private static List<Lease> leases(String userId, Response reply, int from, int count) {
    List<Lease> leases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = from + 3 * i;
      leases.add(lease(userId, reply.get(at).toString(), reply.get(at + 1).toLong(), reply.get(at + 2).toString()));
    }
    leases.sort(OLDEST_FIRST);
    return leases;
  }

  /** A lease from its data, {@code "<startedAt>|{\"contentId\",\"deviceId\"}"}. */
  private static Lease lease(String userId, String streamId, long expiresAt, String data) {
    int bar = data.indexOf('|');
    String json = data.substring(bar + 1);
    String contentId;
    String deviceId;
    if (json.indexOf('\\') < 0 && (contentId = label(json, "\"contentId\":")) != NOT_READ
        && (deviceId = label(json, "\"deviceId\":")) != NOT_READ) {
      return new Lease(userId, streamId, contentId, deviceId, Long.parseLong(data.substring(0, bar)), expiresAt);
    }
    JsonObject fields = new JsonObject(json);
    return new Lease(userId, streamId, fields.getString("contentId"), fields.getString("deviceId"),
        Long.parseLong(data.substring(0, bar)), expiresAt);
  }

  /** {@link #label}'s answer when it cannot read the value by hand. */
  private static final String NOT_READ = new String("not read");

  /**
   * The string (or null) after {@code key} in the flat JSON object {@link #acquire} stores, read by
   * hand (refusals, listings and sweeps read every lease of a user; a JSON parser per lease cost a
   * tenth of the admission path when every admission did). Only for text without backslashes,
   * where no string holds a quote, so the key cannot appear inside a value; {@link #NOT_READ} for
   * anything else (the caller parses then).
   */
  private static String label(String json, String key) {
    int at = json.indexOf(key);
    if (at < 0) {
      return null;
    }
    int value = at + key.length();
    if (json.startsWith("null", value)) {
      return null;
    }
    if (value < json.length() && json.charAt(value) == '"') {
      int end = json.indexOf('"', value + 1);
      if (end > 0) {
        return json.substring(value + 1, end);
      }
    }
    return NOT_READ;
  }
}
