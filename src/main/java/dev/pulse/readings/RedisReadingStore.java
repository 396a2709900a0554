package dev.pulse.readings;

import dev.pulse.ExpiryReport;
import dev.pulse.Page;
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
import java.util.List;

/**
 * Readings in Redis, per device under the hash tag {@code {device}}: a lex-sorted index of reading
 * keys, a hash of values and a summary hash. A batch is one Lua script, so it is atomic and a
 * reading posted twice at once is accepted once. Known devices are listed in a {@link NameIndex}.
 */
public final class RedisReadingStore implements ReadingStore {

  private static final LuaScript INGEST = LuaScript.load("readings_ingest");
  private static final LuaScript RANGE = LuaScript.load("readings_range");
  private static final LuaScript TRIM = LuaScript.load("readings_trim");
  private static final int NAMES_PAGE = 200;

  private final Redis redis;
  private final RedisKeys keys;
  private final NameIndex deviceNames;
  private final Clock clock;
  private final long retentionMs;
  /** Where the retention sweep goes on from (node-local, round robin over the devices). */
  private String trimCursor;

  /** {@code listBudgetMs}: how long {@link #devices} may go on reading devices (see {@link NameIndex}). */
  public RedisReadingStore(Redis redis, RedisKeys keys, Clock clock, long retentionMs, long listBudgetMs) {
    this.redis = redis;
    this.keys = keys;
    this.deviceNames = new NameIndex(redis, keys.deviceNames(), listBudgetMs);
    this.clock = clock;
    this.retentionMs = retentionMs;
  }

  @Override
  public Future<Void> start() {
    return redis.send(Request.cmd(Command.PING)).mapEmpty();
  }

  @Override
  public Future<List<Outcome>> ingest(String deviceId, List<Reading> readings) {
    List<String> args = new ArrayList<>(1 + 3 * readings.size());
    args.add(retentionMs == 0 ? "" : Reading.key((clock.millis() - retentionMs) * 1_000_000L));
    for (Reading reading : readings) {
      args.add(reading.key());
      args.add(Integer.toString(reading.count()));
      args.add(Integer.toString(reading.time().format()));
    }
    return INGEST.run(redis, deviceKeys(deviceId), args).compose(reply -> {
      List<Outcome> outcomes = new ArrayList<>(reply.size());
      for (Response code : reply) {
        outcomes.add(Outcome.values()[code.toInteger() - 1]);
      }
      // A device is listed once a reading of it was accepted (best effort: a lost write is
      // repeated by its next accepted batch).
      return outcomes.contains(Outcome.ACCEPTED)
          ? deviceNames.add(deviceId).otherwiseEmpty().map(outcomes)
          : Future.succeededFuture(outcomes);
    });
  }

  @Override
  public Future<DeviceSummary> summary(String deviceId) {
    return RANGE.run(redis, deviceKeys(deviceId), List.of("-", "-", "1"))
        .map(reply -> reply.get(0) == null ? null : summary(deviceId, reply));
  }

  private static DeviceSummary summary(String deviceId, Response reply) {
    return new DeviceSummary(deviceId,
        new ReadingTime(Reading.epochNanos(reply.get(1).toString()), reply.get(2).toInteger()),
        reply.get(0).toLong());
  }

  @Override
  public Future<DeviceReadings> readings(String deviceId, Long fromNanos, Long toNanos, String after, int limit) {
    String low = after != null ? "(" + after : fromNanos != null ? "[" + Reading.key(fromNanos) : "-";
    if (after != null && fromNanos != null && Reading.key(fromNanos).compareTo(after) > 0) {
      low = "[" + Reading.key(fromNanos);
    }
    String high = toNanos != null ? "[" + Reading.key(toNanos) : "+";
    return RANGE.run(redis, deviceKeys(deviceId), List.of(low, high, Integer.toString(limit == 0 ? 0 : limit + 1)))
        .map(reply -> {
          if (reply.get(0) == null) {
            return null;
          }
          List<Reading> found = new ArrayList<>((reply.size() - 3) / 2);
          for (int i = 3; i + 1 < reply.size(); i += 2) {
            String value = reply.get(i + 1).toString();
            int bar = value.indexOf('|');
            found.add(new Reading(new ReadingTime(Reading.epochNanos(reply.get(i).toString()),
                Integer.parseInt(value.substring(bar + 1))), Integer.parseInt(value.substring(0, bar))));
          }
          return new DeviceReadings(summary(deviceId, reply), Page.ofFound(found, limit, Reading::key));
        });
  }

  @Override
  public Future<Page<DeviceSummary>> devices(String after, int limit) {
    return deviceNames.collect(after, limit, this::summary, DeviceSummary::id);
  }

  /** Trims the next devices in name order (round robin across sweeps) to the retention window. */
  @Override
  public Future<ExpiryReport> trim(int max) {
    if (retentionMs == 0) {
      return Future.succeededFuture(new ExpiryReport(0, false));
    }
    String cutoff = Reading.key((clock.millis() - retentionMs) * 1_000_000L);
    return deviceNames.page(trimCursor, NAMES_PAGE).compose(names -> {
      trimCursor = names.size() < NAMES_PAGE ? null : names.get(names.size() - 1);
      int share = Math.max(1, max / Math.max(1, names.size()));
      List<Future<Response>> trims = names.stream()
          .map(device -> TRIM.run(redis, deviceKeys(device).subList(0, 2), List.of(cutoff, Integer.toString(share))))
          .toList();
      // A device whose shard fails is trimmed on a later round.
      return Future.join(trims).transform(all -> {
        int dropped = trims.stream().filter(Future::succeeded).mapToInt(t -> t.result().toInteger()).sum();
        return Future.succeededFuture(new ExpiryReport(dropped, trimCursor != null || dropped >= max));
      });
    });
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }

  private List<String> deviceKeys(String deviceId) {
    return List.of(keys.deviceReadings(deviceId), keys.deviceValues(deviceId), keys.deviceSummary(deviceId));
  }
}
