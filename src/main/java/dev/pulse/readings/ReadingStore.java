package dev.pulse.readings;

import dev.pulse.ExpiryReport;
import dev.pulse.Page;
import io.vertx.core.Future;
import java.util.List;

/**
 * Device readings. A batch for one device is applied atomically and in request order: each reading
 * is accepted, or refused as a duplicate (same instant as a stored reading or an earlier one of
 * the batch), or as too old for the retention window. Implementations: {@link MemoryReadingStore}
 * (one owner event loop, primitive arrays per device) and {@link RedisReadingStore} (one Lua script
 * per batch, keys under {@code {device}}).
 */
public interface ReadingStore {

  enum Outcome { ACCEPTED, DUPLICATE, TOO_OLD }

  Future<Void> start();

  /** Applies a batch; one outcome per reading, in order. */
  Future<List<Outcome>> ingest(String deviceId, List<Reading> readings);

  /** The device's summary, or null when the device never had a reading accepted. */
  Future<DeviceSummary> summary(String deviceId);

  /**
   * The device's stored readings in time order, from {@code fromNanos} to {@code toNanos}
   * (inclusive, null = open) after the key {@code after}, at most {@code limit} (0 = all), with
   * the device's summary from the same moment; null when the device is unknown.
   */
  Future<DeviceReadings> readings(String deviceId, Long fromNanos, Long toNanos, String after, int limit);

  /** Known devices by id. */
  Future<Page<DeviceSummary>> devices(String after, int limit);

  /** Drops up to {@code max} readings older than the retention window (none when it is 0). */
  Future<ExpiryReport> trim(int max);

  Future<Void> close();
}
