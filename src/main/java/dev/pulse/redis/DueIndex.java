package dev.pulse.redis;

import dev.pulse.Expired;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Entities (heartbeat groups, stream users) scored by the earliest moment one of their items can
 * expire, so that a sweep visits only the entities that are due instead of every one. Scores may
 * only be early, never late: an entity visited too early is rescheduled at its true next expiry.
 *
 * <p>The index is split into {@link #BUCKETS} sorted sets with hash tags of their own, so that on a
 * Redis Cluster its writes spread over the shards instead of all landing on one key.
 */
public final class DueIndex {

  static final int BUCKETS = 16;
  /** How long {@link #dueBySoon} writes wait, so that those of many members travel as one ZADD per bucket. */
  static final long BATCH_WINDOW_MS = 50;

  private final Redis redis;
  private final List<String> buckets;
  /** {@link #dueBySoon} writes not sent yet: member → earliest due time asked. Guarded by {@code this}. */
  private Map<String, Long> pending = new HashMap<>();
  private boolean flushScheduled;
  /** The writes of the latest flush, until Redis answers them. Guarded by {@code this}. */
  private Future<Void> lastFlush = Future.succeededFuture();

  /** {@code keyBase} + {@code :{<n>}} names each bucket. */
  public DueIndex(Redis redis, String keyBase) {
    this.redis = redis;
    List<String> keys = new ArrayList<>(BUCKETS);
    for (int i = 0; i < BUCKETS; i++) {
      keys.add(keyBase + ":{" + keyBase + ":" + i + "}");
    }
    this.buckets = List.copyOf(keys);
  }

  /** Makes {@code member} due at {@code at} at the latest (adds it, or moves it earlier). */
  public Future<Void> dueBy(String member, long at) {
    return redis.send(Request.cmd(Command.ZADD).arg(bucket(member)).arg("LT").arg(at).arg(member)).mapEmpty();
  }

  /**
   * As {@link #dueBy}, sent within {@link #BATCH_WINDOW_MS} together with the other members' writes
   * of that window (one {@code ZADD LT} per bucket), for a write per request that nobody waits on.
   * The delay only postpones when a sweep can see the member (a score already past when it lands is
   * swept at the next sweep), and {@link #sweep} sends what is pending, and waits for what is in
   * flight, first. Like {@link #dueBy}'s, a write that fails is lost, and the member's next write
   * indexes it again.
   */
  public void dueBySoon(String member, long at) {
    synchronized (this) {
      pending.merge(member, at, Math::min);
      if (flushScheduled) {
        return;
      }
      flushScheduled = true;
    }
    Context context = Vertx.currentContext();
    if (context == null) {
      flush();
    } else {
      context.owner().setTimer(BATCH_WINDOW_MS, timer -> flush());
    }
  }

  /** Sends the pending {@link #dueBySoon} writes now; completes when they and the previous flush's are answered. */
  public Future<Void> flush() {
    Map<String, Long> batch;
    Future<Void> previous;
    synchronized (this) {
      flushScheduled = false;
      previous = lastFlush;
      if (pending.isEmpty()) {
        return previous;
      }
      batch = pending;
      pending = new HashMap<>();
    }
    Map<String, Request> byBucket = new HashMap<>();
    batch.forEach((member, at) -> byBucket.computeIfAbsent(bucket(member),
        key -> Request.cmd(Command.ZADD).arg(key).arg("LT")).arg(at).arg(member));
    List<Future<Response>> writes = new ArrayList<>(byBucket.size());
    byBucket.values().forEach(write -> writes.add(redis.send(write)));
    Future<Void> sent = Future.join(writes).mapEmpty();
    synchronized (this) {
      lastFlush = sent;
    }
    return Future.join(previous, sent).mapEmpty();
  }

  /** Makes {@code member} due at exactly {@code at} (after a sweep found its next expiry). */
  public Future<Void> reschedule(String member, long at) {
    return redis.send(Request.cmd(Command.ZADD).arg(bucket(member)).arg(at).arg(member)).mapEmpty();
  }

  /**
   * One sweep: visits at most {@code max} members due at {@code now}, giving each a share of
   * {@code max} items to remove ({@code sweepMember(member, share)} returns what it removed), and
   * says there is more when either budget ran out. A member whose shard fails is left for the next
   * sweep; what the others removed is still reported.
   */
  public <T> Future<Expired<T>> sweep(long now, int max, BiFunction<String, Integer, Future<List<T>>> sweepMember) {
    return flush().otherwiseEmpty().compose(flushed -> due(now, max)).compose(due -> {
      int share = Math.max(1, max / Math.max(1, due.size()));
      List<Future<List<T>>> sweeps = new ArrayList<>(due.size());
      for (String member : due) {
        sweeps.add(sweepMember.apply(member, share));
      }
      return Future.join(sweeps).transform(all -> {
        List<T> removed = new ArrayList<>();
        boolean more = due.size() >= max;
        for (Future<List<T>> sweep : sweeps) {
          if (sweep.succeeded()) {
            removed.addAll(sweep.result());
            more |= sweep.result().size() >= share;
          }
        }
        return Future.succeededFuture(new Expired<>(removed, more));
      });
    });
  }

  /** Up to {@code max} members due at or before {@code now}. */
  public Future<List<String>> due(long now, int max) {
    return fromEveryBucket(key -> Request.cmd(Command.ZRANGEBYSCORE).arg(key).arg("-inf").arg(now)
        .arg("LIMIT").arg(0).arg(max))
        .map(due -> due.size() > max ? List.copyOf(due.subList(0, max)) : due);
  }

  /** Drops {@code member} (see {@link #forget} for dropping an entity safely). */
  public Future<Void> remove(String member) {
    return redis.send(Request.cmd(Command.ZREM).arg(bucket(member)).arg(member)).mapEmpty();
  }

  /**
   * Drops a member whose items are all gone, then asks {@code isEmpty} again: an item added
   * concurrently either re-added the member already (its writer calls {@link #dueBy} after writing)
   * or is seen here and the member is put back, due at once. No entity with items is ever lost.
   */
  public Future<Void> forget(String member, long now, Supplier<Future<Boolean>> isEmpty) {
    return redis.send(Request.cmd(Command.ZREM).arg(bucket(member)).arg(member))
        .compose(removed -> isEmpty.get())
        .compose(empty -> empty ? Future.<Void>succeededFuture() : dueBy(member, now));
  }

  private String bucket(String member) {
    return buckets.get(Math.floorMod(member.hashCode(), BUCKETS));
  }

  private Future<List<String>> fromEveryBucket(java.util.function.Function<String, Request> query) {
    List<Future<Response>> replies = new ArrayList<>(BUCKETS);
    for (String key : buckets) {
      replies.add(redis.send(query.apply(key)));
    }
    // A bucket whose shard fails is skipped, not a reason to fail the others; only when every
    // bucket fails does the call fail.
    return Future.join(replies).transform(all -> {
      List<String> members = new ArrayList<>();
      for (Future<Response> reply : replies) {
        if (reply.succeeded()) {
          for (Response member : reply.result()) {
            members.add(member.toString());
          }
        }
      }
      return replies.stream().anyMatch(Future::succeeded) ? Future.succeededFuture(members)
          : Future.failedFuture(replies.get(0).cause());
    });
  }
}
