package dev.pulse.redis;

import dev.pulse.Page;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Entity names in name order (heartbeat groups for {@code GET /}), read a page at a time. Split
 * like {@link DueIndex} into {@link DueIndex#BUCKETS} lex-sorted sets with hash tags of their own;
 * a page merges the buckets' next names.
 *
 * <p>A listing that is still reading names when its time budget runs out stops there and fails with
 * {@code TIMEOUT}: its caller, who waits as long, has been answered 504 by then, and every further
 * slice would be Redis work that no one reads, queued in front of the heartbeats. Measured before
 * this bound: 64 clients listing 10 000 groups for 10 s left Pulse summarising groups for over 20 s
 * after they stopped, and heartbeats meanwhile waited up to 1.4 s (p99).
 */
public final class NameIndex {

  /** Names read (and looked up concurrently) per step of {@link #collect}. */
  private static final int SLICE = 200;

  private final Redis redis;
  private final List<String> buckets;
  private final long budgetNanos;

  /** {@code budgetMs}: how long one {@link #collect} may go on reading names (the domain request timeout). */
  public NameIndex(Redis redis, String keyBase, long budgetMs) {
    this.redis = redis;
    this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMs);
    List<String> keys = new ArrayList<>(DueIndex.BUCKETS);
    for (int i = 0; i < DueIndex.BUCKETS; i++) {
      keys.add(keyBase + ":{" + keyBase + ":" + i + "}");
    }
    this.buckets = List.copyOf(keys);
  }

  public Future<Void> add(String name) {
    return redis.send(Request.cmd(Command.ZADD).arg(bucket(name)).arg(0).arg(name)).mapEmpty();
  }

  public Future<Void> remove(String name) {
    return redis.send(Request.cmd(Command.ZREM).arg(bucket(name)).arg(name)).mapEmpty();
  }

  /** Up to {@code count} names after {@code after} (null: from the first), in order. */
  public Future<List<String>> page(String after, int count) {
    List<Future<Response>> replies = new ArrayList<>(buckets.size());
    for (String key : buckets) {
      replies.add(redis.send(Request.cmd(Command.ZRANGEBYLEX).arg(key).arg(after == null ? "-" : "(" + after)
          .arg("+").arg("LIMIT").arg(0).arg(count)));
    }
    return Future.all(replies).map(all -> {
      List<String> names = new ArrayList<>();
      for (Future<Response> reply : replies) {
        for (Response name : reply.result()) {
          names.add(name.toString());
        }
      }
      names.sort(null);
      return names.size() > count ? List.copyOf(names.subList(0, count)) : names;
    });
  }

  /**
   * A page of entities in name order after {@code after}: reads names a slice at a time, looks each
   * up with {@code lookup} (null for a name whose entity is gone, which is skipped), until
   * {@code limit + 1} entities are found (the extra one proves a next page) or the names run out.
   * Fails with {@code TIMEOUT} instead of reading another slice once the budget is spent.
   */
  public <T> Future<Page<T>> collect(String after, int limit, Function<String, Future<T>> lookup,
      Function<T, String> nameOf) {
    return collect(after, limit, lookup, nameOf, new ArrayList<>(), System.nanoTime() + budgetNanos);
  }

  private <T> Future<Page<T>> collect(String after, int limit, Function<String, Future<T>> lookup,
      Function<T, String> nameOf, List<T> found, long deadline) {
    int fetch = limit == 0 ? SLICE : Math.min(SLICE, limit + 1 - found.size());
    return page(after, fetch).compose(names -> {
      List<Future<T>> entities = names.stream().map(lookup).toList();
      return Future.all(entities).compose(all -> {
        entities.forEach(entity -> {
          if (entity.result() != null) {
            found.add(entity.result());
          }
        });
        if ((limit > 0 && found.size() > limit) || names.size() < fetch) {
          return Future.succeededFuture(Page.ofFound(found, limit, nameOf));
        }
        if (System.nanoTime() - deadline > 0) {
          return Future.failedFuture(new ReplyException(ReplyFailure.TIMEOUT,
              "listing stopped after " + found.size() + " entries: its time budget is spent"));
        }
        return collect(names.get(names.size() - 1), limit, lookup, nameOf, found, deadline);
      });
    });
  }

  private String bucket(String name) {
    return buckets.get(Math.floorMod(name.hashCode(), DueIndex.BUCKETS));
  }
}
