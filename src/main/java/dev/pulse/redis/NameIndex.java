package dev.pulse.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity names in name order (heartbeat groups for {@code GET /}), read a page at a time. Split
 * like {@link DueIndex} into {@link DueIndex#BUCKETS} lex-sorted sets with hash tags of their own;
 * a page merges the buckets' next names.
 */
public final class NameIndex {

  private final Redis redis;
  private final List<String> buckets;

  public NameIndex(Redis redis, String keyBase) {
    this.redis = redis;
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

  private String bucket(String name) {
    return buckets.get(Math.floorMod(name.hashCode(), DueIndex.BUCKETS));
  }
}
