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

    /** Merges readings (sorted by instant, none stored yet) into the arrays in one pass from the end. */
    void merge(List<Reading> sorted) {
      int total = size + sorted.size();
      if (total > instants.length) {
        int capacity = Math.max(total, size + (size >> 1) + 1);
        instants = Arrays.copyOf(instants, capacity);
        counts = Arrays.copyOf(counts, capacity);
        formats = Arrays.copyOf(formats, capacity);
      }
      int stored = size - 1;
      int incoming = sorted.size() - 1;
      for (int to = total - 1; incoming >= 0; to--) {
        Reading next = sorted.get(incoming);
        if (stored >= 0 && instants[stored] > next.time().epochNanos()) {
          instants[to] = instants[stored];
          counts[to] = counts[stored];
          formats[to] = formats[stored];
          stored--;
        } else {
          instants[to] = next.time().epochNanos();
          counts[to] = next.count();
          formats[to] = next.time().format();
          cumulative += next.count();
          if (latest == null || next.time().epochNanos() > latest.epochNanos()) {
            latest = next.time();
          }
          incoming--;
        }
      }
      size = total;
    }

    Reading at(int i) {
      return new Reading(new ReadingTime(instants[i], formats[i]), counts[i]);
    }

    /** Drops the first {@code n} readings (the cumulative count keeps them), giving memory back. */
    void dropFirst(int n) {
      size -= n;
      int capacity = size < instants.length / 4 ? Math.max(4, size * 2) : instants.length;
      instants = shift(instants, n, capacity);
      counts = shift(counts, n, capacity);
      formats = shift(formats, n, capacity);
    }

    private long[] shift(long[] values, int n, int capacity) {
      long[] target = capacity == values.length ? values : new long[capacity];
      System.arraycopy(values, n, target, 0, size);
      return target;
    }

    private int[] shift(int[] values, int n, int capacity) {
      int[] target = capacity == values.length ? values : new int[capacity];
      System.arraycopy(values, n, target, 0, size);
      return target;
    }
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  /**
   * Decides every reading in request order (a duplicate of a stored reading or of an earlier one
   * of the batch is refused), then merges the accepted ones into the device's arrays in one pass,
   * so an out-of-order batch costs O(stored + batch), not a shift per reading.
   */
  @Override
  public Future<List<Outcome>> ingest(String deviceId, List<Reading> readings) {
    long cutoff = cutoffNanos();
    Device device = devices.get(deviceId);
    List<Outcome> outcomes = new ArrayList<>(readings.size());
    List<Reading> accepted = new ArrayList<>(readings.size());
    // Sized for the batch, so that it never grows (load factor 0.75).
    java.util.Set<Long> inBatch = new java.util.HashSet<>(2 * readings.size());
    for (Reading reading : readings) {
      long instant = reading.time().epochNanos();
      if (instant < cutoff) {
        outcomes.add(Outcome.TOO_OLD);
      } else if ((device != null && device.find(instant) >= 0) || !inBatch.add(instant)) {
        outcomes.add(Outcome.DUPLICATE);
      } else {
        accepted.add(reading);
        outcomes.add(Outcome.ACCEPTED);
      }
    }
    if (!accepted.isEmpty()) {
      if (device == null) {
        device = new Device();
        devices.put(deviceId, device);
      }
      accepted.sort(java.util.Comparator.comparingLong(r -> r.time().epochNanos()));
      device.merge(accepted);
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
  public Future<DeviceReadings> readings(String deviceId, Long fromNanos, Long toNanos, String after, int limit) {
    Device device = devices.get(deviceId);
    if (device == null) {
      return Future.succeededFuture(null);
    }
    long from = fromNanos == null ? Long.MIN_VALUE : fromNanos;
    if (after != null) {
      long afterNanos = Reading.epochNanos(after);
      if (afterNanos == Long.MAX_VALUE) {
        return Future.succeededFuture(new DeviceReadings(summary(deviceId, device), Page.all(List.of())));
      }
      from = Math.max(from, afterNanos + 1);
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
    return Future.succeededFuture(new DeviceReadings(summary(deviceId, device), Page.ofFound(found, limit, Reading::key)));
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
    return Future.succeededFuture(Page.ofFound(found, limit, DeviceSummary::id));
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
}
