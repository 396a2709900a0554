package dev.pulse.readings;

import dev.pulse.ExpiryReport;
import dev.pulse.Page;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readings in primitive arrays per device, sorted by instant: 16 bytes a reading (epoch nanos,
 * count, format) plus the arrays' spare room, no object per reading. Owned by the readings
 * verticle's event loop, so a batch is applied without locks and atomically.
 */
public final class MemoryReadingStore implements ReadingStore {

  private final Clock clock;
  private final long retentionMs;
  private final TreeMap<String, Device> devices = new TreeMap<>();

  public MemoryReadingStore(Clock clock, long retentionMs) {
    this.clock = clock;
    this.retentionMs = retentionMs;
  }

  private static final class Device {
    long[] instants = new long[4];
    int[] counts = new int[4];
    int[] formats = new int[4];
    int size;
    long cumulative;
    ReadingTime latest;

    /** Index of {@code instant}, or {@code -(insertion point) - 1}. */
    int find(long instant) {
      return Arrays.binarySearch(instants, 0, size, instant);
    }

    void insert(int at, Reading reading) {
      if (size == instants.length) {
        int capacity = size + (size >> 1) + 1;
        instants = Arrays.copyOf(instants, capacity);
        counts = Arrays.copyOf(counts, capacity);
        formats = Arrays.copyOf(formats, capacity);
      }
      System.arraycopy(instants, at, instants, at + 1, size - at);
      System.arraycopy(counts, at, counts, at + 1, size - at);
      System.arraycopy(formats, at, formats, at + 1, size - at);
      instants[at] = reading.time().epochNanos();
      counts[at] = reading.count();
      formats[at] = reading.time().format();
      size++;
      cumulative += reading.count();
      if (latest == null || reading.time().epochNanos() > latest.epochNanos()) {
        latest = reading.time();
      }
    }

    Reading at(int i) {
      return new Reading(new ReadingTime(instants[i], formats[i]), counts[i]);
    }

    /** Drops the first {@code n} readings (the cumulative count keeps them). */
    void dropFirst(int n) {
      System.arraycopy(instants, n, instants, 0, size - n);
      System.arraycopy(counts, n, counts, 0, size - n);
      System.arraycopy(formats, n, formats, 0, size - n);
      size -= n;
    }
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public Future<List<Outcome>> ingest(String deviceId, List<Reading> readings) {
    long cutoff = cutoffNanos();
    Device device = devices.get(deviceId);
    List<Outcome> outcomes = new ArrayList<>(readings.size());
    for (Reading reading : readings) {
      if (reading.time().epochNanos() < cutoff) {
        outcomes.add(Outcome.TOO_OLD);
        continue;
      }
      if (device == null) {
        device = new Device();
        devices.put(deviceId, device);
      }
      int at = device.find(reading.time().epochNanos());
      if (at >= 0) {
        outcomes.add(Outcome.DUPLICATE);
      } else {
        device.insert(-at - 1, reading);
        outcomes.add(Outcome.ACCEPTED);
      }
    }
    return Future.succeededFuture(outcomes);
  }

  @Override
  public Future<DeviceSummary> summary(String deviceId) {
    Device device = devices.get(deviceId);
    return Future.succeededFuture(device == null ? null : summary(deviceId, device));
  }

  private static DeviceSummary summary(String deviceId, Device device) {
    return new DeviceSummary(deviceId, device.latest, device.cumulative);
  }

  @Override
  public Future<Page<Reading>> readings(String deviceId, Long fromNanos, Long toNanos, String after, int limit) {
    Device device = devices.get(deviceId);
    if (device == null) {
      return Future.succeededFuture(null);
    }
    long from = fromNanos == null ? Long.MIN_VALUE : fromNanos;
    if (after != null) {
      long afterNanos = Reading.epochNanos(after);
      from = afterNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(from, afterNanos + 1);
    }
    long to = toNanos == null ? Long.MAX_VALUE : toNanos;
    int start = device.find(from);
    start = start >= 0 ? start : -start - 1;
    List<Reading> found = new ArrayList<>();
    for (int i = start; i < device.size && device.instants[i] <= to; i++) {
      found.add(device.at(i));
      if (limit > 0 && found.size() > limit) {
        break;
      }
    }
    return Future.succeededFuture(page(found, limit, Reading::key));
  }

  @Override
  public Future<Page<DeviceSummary>> devices(String after, int limit) {
    Map<String, Device> from = after == null ? devices : devices.tailMap(after, false);
    List<DeviceSummary> found = new ArrayList<>();
    for (Map.Entry<String, Device> entry : from.entrySet()) {
      found.add(summary(entry.getKey(), entry.getValue()));
      if (limit > 0 && found.size() > limit) {
        break;
      }
    }
    return Future.succeededFuture(page(found, limit, DeviceSummary::id));
  }

  @Override
  public Future<ExpiryReport> trim(int max) {
    if (retentionMs == 0) {
      return Future.succeededFuture(new ExpiryReport(0, false));
    }
    long cutoff = cutoffNanos();
    int dropped = 0;
    for (Device device : devices.values()) {
      if (dropped >= max) {
        return Future.succeededFuture(new ExpiryReport(dropped, true));
      }
      int end = device.find(cutoff);
      end = Math.min(end >= 0 ? end : -end - 1, max - dropped);
      if (end > 0) {
        device.dropFirst(end);
        dropped += end;
      }
    }
    return Future.succeededFuture(new ExpiryReport(dropped, false));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private long cutoffNanos() {
    return retentionMs == 0 ? Long.MIN_VALUE : (clock.millis() - retentionMs) * 1_000_000L;
  }

  /** {@code found} holds up to {@code limit + 1} items; the extra one proves a next page. */
  static <T> Page<T> page(List<T> found, int limit, java.util.function.Function<T, String> key) {
    if (limit > 0 && found.size() > limit) {
      List<T> items = List.copyOf(found.subList(0, limit));
      return new Page<>(items, key.apply(items.get(limit - 1)));
    }
    return Page.all(List.copyOf(found));
  }
}
