package dev.pulse.discovery;

import dev.pulse.Expired;
import dev.pulse.OrderKey;
import dev.pulse.Page;
import dev.pulse.redis.DueIndex;
import dev.pulse.redis.LuaScript;
import dev.pulse.redis.NameIndex;
import dev.pulse.redis.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry in Redis (standalone or Cluster), shared by every Pulse node. Per group: a sorted set
 * of last heartbeats (the expiry index), a sorted set of creation times (the listing order) and a
 * hash of metadata, all under the hash tag {@code {group}}; each update is one Lua script. A sorted
 * set of groups scored by the earliest time one of their instances can expire lets a sweep visit
 * only the groups that are due.
 */
public final class RedisRegistryStore implements RegistryStore {

  private static final LuaScript HEARTBEAT = LuaScript.load("heartbeat");
  private static final LuaScript DEREGISTER = LuaScript.load("deregister");
  private static final LuaScript INSTANCES = LuaScript.load("instances");
  private static final LuaScript SUMMARY = LuaScript.load("summary");
  private static final LuaScript SWEEP = LuaScript.load("sweep");

  private final Redis redis;
  private final RedisKeys keys;
  private final DueIndex dueGroups;
  private final NameIndex groupNames;
  /** When this node last wrote each group's due-index entry (event-loop confined, pruned by sweeps). */
  private final Map<String, Long> lastIndexed = new HashMap<>();
  private final Clock clock;
  private final long ttlMs;

  /** {@code listBudgetMs}: how long {@link #groups} may go on reading groups (see {@link NameIndex}). */
  public RedisRegistryStore(Redis redis, RedisKeys keys, Clock clock, long ttlMs, long listBudgetMs) {
    this.redis = redis;
    this.keys = keys;
    this.dueGroups = new DueIndex(redis, keys.groupsDue());
    this.groupNames = new NameIndex(redis, keys.groupNames(), listBudgetMs);
    this.clock = clock;
    this.ttlMs = ttlMs;
  }

  @Override
  public Future<Void> start() {
    return redis.send(Request.cmd(Command.PING)).mapEmpty();
  }

  /**
   * Registers or renews in one script. The group's entry in the due index is written after a
   * creation (awaited: the new instance may expire first), and alongside a renewal when this node
   * has not written it for half a TTL, so that an entry lost to a failure between the script and
   * the index write (the client saw a 503, the instance exists) is restored by the next heartbeats.
   */
  @Override
  public Future<HeartbeatResult> heartbeat(String group, String id, String meta) {
    long now = clock.millis();
    Future<Void> refresh = indexedRecently(group, now) ? Future.succeededFuture() : index(group, now);
    Future<HeartbeatResult> beat = HEARTBEAT.run(redis, groupKeys(group),
            List.of(id, Long.toString(now), Long.toString(now - ttlMs), meta == null ? "" : meta))
        .compose(reply -> {
          boolean created = reply.get(0).toInteger() == 1;
          Instance instance = new Instance(id, group, reply.get(1).toLong(), reply.get(2).toLong(),
              metaOrEmpty(reply.get(3)));
          Instance replaced = reply.get(4) == null ? null : new Instance(id, group,
              reply.get(4).toLong(), reply.get(5).toLong(), metaOrEmpty(reply.get(6)));
          HeartbeatResult result = new HeartbeatResult(instance, created, replaced);
          // Best effort: the instance is stored whatever becomes of this write (the index may live
          // on a shard that is down); the next renewals write it again.
          return created ? index(group, now).otherwiseEmpty().map(result) : Future.succeededFuture(result);
        });
    // A failed refresh is retried by the next heartbeat (lastIndexed is only set on success).
    return Future.all(beat, refresh.otherwiseEmpty()).map(both -> beat.result());
  }

  private boolean indexedRecently(String group, long now) {
    Long at = lastIndexed.get(group);
    return at != null && at > now - ttlMs / 2;
  }

  /** Lists the group and makes it due by the TTL from now at the latest; remembers having done so. */
  private Future<Void> index(String group, long now) {
    return Future.all(dueGroups.dueBy(group, now + ttlMs), groupNames.add(group))
        .<Void>mapEmpty()
        .onSuccess(done -> lastIndexed.put(group, now));
  }

  @Override
  public Future<Boolean> deregister(String group, String id) {
    return DEREGISTER.run(redis, groupKeys(group), List.of(id, cutoff()))
        .map(reply -> reply.toInteger() == 1);
  }

  @Override
  public Future<Instance> instance(String group, String id) {
    return INSTANCES.run(redis, groupKeys(group), List.of(cutoff(), id, "0", "", ""))
        .map(reply -> {
          List<Instance> found = toInstances(group, reply, 0);
          return found.isEmpty() ? null : found.get(0);
        });
  }

  /** One page, read from the cursor on: {@code limit + 1} instances tell whether a next page exists. */
  @Override
  public Future<Page<Instance>> instances(String group, String after, int limit) {
    OrderKey from = after == null ? null : OrderKey.parse(after);
    return INSTANCES.run(redis, groupKeys(group), List.of(cutoff(), "", Integer.toString(limit == 0 ? 0 : limit + 1),
            from == null ? "" : Long.toString(from.millis()), from == null ? "" : from.id()))
        .map(reply -> Page.slice(toInstances(group, reply, 0), Instance::orderKey, after, limit));
  }

  /**
   * Pages through the group names from {@code after}, summarising each page's groups, until
   * {@code limit + 1} live groups are found (the extra one proves that a next page exists) or the
   * names run out; groups whose instances all expired are skipped.
   */
  @Override
  public Future<Page<GroupSummary>> groups(String after, int limit) {
    String cutoff = cutoff();
    return groupNames.collect(after, limit, group -> summary(group, cutoff), GroupSummary::group);
  }

  /** The group's summary, or null when none of its instances is live. */
  private Future<GroupSummary> summary(String group, String cutoff) {
    return SUMMARY.run(redis, List.of(keys.groupBeats(group), keys.groupCreated(group)), List.of(cutoff))
        .map(reply -> reply.size() != 3 ? null
            : new GroupSummary(group, reply.get(0).toInteger(), reply.get(1).toLong(), reply.get(2).toLong()));
  }

  /**
   * Sweeps at most {@code max} due groups, each for its share of {@code max} instances, and says
   * there is more when either budget ran out.
   */
  @Override
  public Future<Expired<Instance>> expire(int max) {
    long now = clock.millis();
    String cutoff = Long.toString(now - ttlMs);
    lastIndexed.values().removeIf(at -> at <= now - ttlMs);
    return dueGroups.sweep(now, max, (group, share) -> sweepGroup(group, cutoff, share, now));
  }

  /** Sweeps one due group and reschedules it at its oldest remaining heartbeat + TTL. */
  private Future<List<Instance>> sweepGroup(String group, String cutoff, int max, long now) {
    return SWEEP.run(redis, groupKeys(group), List.of(cutoff, Integer.toString(max)))
        .compose(reply -> {
          List<Instance> expired = toInstances(group, reply, 1);
          Response oldest = reply.get(0);
          Future<Void> reschedule = oldest != null
              ? dueGroups.reschedule(group, oldest.toLong() + ttlMs)
              : forgetEmptyGroup(group, now);
          // The instances are gone whatever becomes of the index write: report them.
          return reschedule.otherwiseEmpty().map(expired);
        });
  }

  /**
   * Drops an emptied group from both indexes, then looks again: a registration that raced with the
   * removal either re-added the group already (it writes the indexes after its script) or is seen
   * here, and the group is put back. No group with live instances is ever forgotten.
   */
  private Future<Void> forgetEmptyGroup(String group, long now) {
    return Future.all(dueGroups.remove(group), groupNames.remove(group))
        .compose(removed -> redis.send(Request.cmd(Command.ZCARD).arg(keys.groupBeats(group))))
        .compose(size -> size.toLong() == 0 ? Future.<Void>succeededFuture() : index(group, now));
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }

  private List<String> groupKeys(String group) {
    return List.of(keys.groupBeats(group), keys.groupCreated(group), keys.groupMeta(group));
  }

  private String cutoff() {
    return Long.toString(clock.millis() - ttlMs);
  }

  /** Reads {@code id, createdAt, updatedAt, meta} quadruples from {@code reply}, starting at {@code from}. */
  private static List<Instance> toInstances(String group, Response reply, int from) {
    List<Instance> instances = new ArrayList<>((reply.size() - from) / 4);
    for (int i = from; i + 3 < reply.size(); i += 4) {
      instances.add(new Instance(reply.get(i).toString(), group, reply.get(i + 1).toLong(),
          reply.get(i + 2).toLong(), metaOrEmpty(reply.get(i + 3))));
    }
    return instances;
  }

  private static String metaOrEmpty(Response meta) {
    return meta == null ? Instance.NO_META : meta.toString();
  }
}
