package dev.pulse.alerts;

import dev.pulse.InTurn;
import dev.pulse.Page;
import dev.pulse.redis.LuaScript;
import dev.pulse.redis.RedisKeys;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.Objects;

/**
 * Alerts in Redis, all under the hash tag {@code {alerts}} (so on one Cluster shard: see the
 * README for what that means). An event is merged in Java ({@link Alert#merge}, the same code the
 * memory store runs) and stored with its statistics changes by one compare-and-set script, retried
 * when another node changed the same alert in between; each group keeps an index ordered by
 * {@link Alert#orderKey()}, counts, duration sums and duration sorted sets (for min and max).
 */
public final class RedisAlertStore implements AlertStore {

  private static final LuaScript INGEST = LuaScript.load("alerts_ingest");
  private static final LuaScript STATS = LuaScript.load("alerts_stats");
  private static final int MAX_ATTEMPTS = 50;
  private static final int SCAN_BATCH = 500;

  private final Vertx vertx;
  private final Redis redis;
  private final RedisKeys keys;
  /** Each alert's events on this node, one after the other. */
  private final InTurn perAlert = new InTurn();

  public RedisAlertStore(Vertx vertx, Redis redis, RedisKeys keys) {
    this.vertx = vertx;
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public Future<Void> start() {
    return redis.send(Request.cmd(Command.PING)).mapEmpty();
  }

  /**
   * Events for one alert are applied one after the other on this node, so compare-and-set
   * conflicts only arise between nodes; those are retried after a short random pause.
   */
  @Override
  public Future<Alert> ingest(AlertEvent event) {
    return perAlert.run(event.alertId(), () -> attempt(event, 1));
  }

  private Future<Alert> attempt(AlertEvent event, int attempt) {
    return redis.send(Request.cmd(Command.HGET).arg(keys.alertData()).arg(event.alertId()))
        .compose(stored -> {
          String expected = stored == null ? "" : stored.toString();
          Alert existing = stored == null ? null : AlertJson.decode(expected);
          Alert merged = Alert.merge(existing, event);
          if (merged.equals(existing)) {
            return Future.succeededFuture(existing);
          }
          List<String> scriptKeys = new ArrayList<>();
          List<String> args = new ArrayList<>(List.of(event.alertId(), expected, AlertJson.encode(merged)));
          scriptKeys.add(keys.alertData());
          changes(existing, merged, scriptKeys, args);
          return INGEST.run(redis, scriptKeys, args).compose(done -> {
            if (done.toInteger() == 1) {
              return Future.succeededFuture(merged);
            }
            if (attempt >= MAX_ATTEMPTS) {
              return Future.failedFuture(new IllegalStateException(
                  "alert " + event.alertId() + " kept changing; gave up after " + attempt + " attempts"));
            }
            Promise<Void> pause = Promise.promise();
            vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(2 * attempt), id -> pause.complete());
            return pause.future().compose(paused -> attempt(event, attempt + 1));
          });
        });
  }

  /** Operations moving the alert's contributions from {@code before}'s groups to {@code after}'s. */
  private void changes(Alert before, Alert after, List<String> scriptKeys, List<String> args) {
    List<String> afterGroups = after.dimensions();
    List<String> beforeGroups = before == null ? List.of() : before.dimensions();
    boolean sameFigures = before != null && before.orderKey().equals(after.orderKey())
        && before.status() == after.status()
        && Objects.equals(before.timeToAcknowledgeMs(), after.timeToAcknowledgeMs())
        && Objects.equals(before.timeToResolveMs(), after.timeToResolveMs());
    // A group the alert stays in with the same figures needs no change.
    for (String dimension : beforeGroups) {
      if (!(sameFigures && afterGroups.contains(dimension))) {
        contribute(before, dimension, -1, scriptKeys, args);
      }
    }
    for (String dimension : afterGroups) {
      if (!(sameFigures && beforeGroups.contains(dimension))) {
        contribute(after, dimension, 1, scriptKeys, args);
      }
    }
  }

  private void contribute(Alert alert, String dimension, int sign, List<String> scriptKeys, List<String> args) {
    String aggregate = keys.alertAggregate(dimension);
    op(scriptKeys, args, keys.alertIndex(dimension), sign > 0 ? "zadd" : "zrem", "0", alert.orderKey());
    op(scriptKeys, args, aggregate, "hincr", alert.status().name(), Integer.toString(sign));
    durations(alert.alertId(), alert.timeToAcknowledgeMs(), sign, aggregate, "ttaSum",
        keys.alertTimeToAcknowledge(dimension), scriptKeys, args);
    durations(alert.alertId(), alert.timeToResolveMs(), sign, aggregate, "ttrSum",
        keys.alertTimeToResolve(dimension), scriptKeys, args);
  }

  private static void durations(String alertId, Long duration, int sign, String aggregate, String sumField,
      String sortedSet, List<String> scriptKeys, List<String> args) {
    if (duration != null) {
      op(scriptKeys, args, aggregate, "hincr", sumField, Long.toString(sign * duration));
      op(scriptKeys, args, sortedSet, sign > 0 ? "zadd" : "zrem", Long.toString(duration), alertId);
    }
  }

  private static void op(List<String> scriptKeys, List<String> args, String key, String op, String a, String b) {
    scriptKeys.add(key);
    args.add(op);
    args.add(a);
    args.add(b);
  }

  @Override
  public Future<Alert> get(String alertId) {
    return redis.send(Request.cmd(Command.HGET).arg(keys.alertData()).arg(alertId))
        .map(stored -> stored == null ? null : AlertJson.decode(stored.toString()));
  }

  @Override
  public Future<Page<Alert>> list(AlertQuery query) {
    String exclusiveTop = MemoryAlertStore.lowest(query.after(), query.keyCeiling());
    return walk(query, exclusiveTop == null ? "+" : "(" + exclusiveTop, new ArrayList<>())
        .map(found -> AlertPages.page(found, query.limit()));
  }

  /** Reads the group's index newest first from {@code max}, a batch at a time, until enough match. */
  private Future<List<Alert>> walk(AlertQuery query, String max, List<Alert> found) {
    String min = query.lowestKey() == null ? "-" : "[" + query.lowestKey();
    int batch = query.limit() > 0 ? Math.max(query.limit() + 1, 50) : SCAN_BATCH;
    return redis.send(Request.cmd(Command.ZREVRANGEBYLEX).arg(keys.alertIndex(query.dimension()))
            .arg(max).arg(min).arg("LIMIT").arg(0).arg(batch))
        .compose(members -> {
          if (members.size() == 0) {
            return Future.succeededFuture(found);
          }
          Request read = Request.cmd(Command.HMGET).arg(keys.alertData());
          String last = null;
          for (Response member : members) {
            last = member.toString();
            read.arg(last.substring(last.indexOf(':') + 1));
          }
          String next = "(" + last;
          boolean more = members.size() == batch;
          return redis.send(read).compose(alerts -> {
            for (Response stored : alerts) {
              if (stored != null) {
                Alert alert = AlertJson.decode(stored.toString());
                if (query.matches(alert)) {
                  found.add(alert);
                }
              }
            }
            boolean enough = query.limit() > 0 && found.size() > query.limit();
            return more && !enough ? walk(query, next, found) : Future.succeededFuture(found);
          });
        });
  }

  @Override
  public Future<AlertStats> stats(AlertQuery query) {
    List<String> dimensions = query.aggregateDimensions();
    if (dimensions.isEmpty()) {
      return list(query.withPage(null, 0)).map(page -> AlertPages.summarise(page.items()));
    }
    List<Future<AlertStats>> parts = dimensions.stream().map(this::aggregate).toList();
    return Future.all(parts).map(all -> AlertStats.sum(parts.stream().map(Future::result).toList()));
  }

  private Future<AlertStats> aggregate(String dimension) {
    return STATS.run(redis, List.of(keys.alertAggregate(dimension), keys.alertTimeToAcknowledge(dimension),
            keys.alertTimeToResolve(dimension)), List.of())
        .map(reply -> {
          long triggered = reply.get(0).toLong();
          long acknowledged = reply.get(1).toLong();
          long resolved = reply.get(2).toLong();
          return new AlertStats(triggered + acknowledged + resolved,
              AlertStats.byStatus(triggered, acknowledged, resolved),
              AlertStats.Durations.of(reply.get(5).toLong(), reply.get(3).toLong(), number(reply.get(6)),
                  number(reply.get(7))),
              AlertStats.Durations.of(reply.get(8).toLong(), reply.get(4).toLong(), number(reply.get(9)),
                  number(reply.get(10))));
        });
  }

  private static Long number(Response value) {
    return value == null ? null : Long.valueOf(value.toString());
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }
}
