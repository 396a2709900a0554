package dev.pulse.readings;

import dev.pulse.Addresses;
import dev.pulse.DomainClient;
import dev.pulse.DomainRequests;
import dev.pulse.Page;
import io.vertx.core.Future;
import java.util.List;

/** The readings domain as seen from another verticle: typed requests to its verticle. */
public final class ReadingsClient extends DomainClient {

  public ReadingsClient(DomainRequests requests, long timeoutMs) {
    super(requests, timeoutMs);
  }

  public Future<List<ReadingStore.Outcome>> ingest(String deviceId, List<Reading> readings) {
    return this.<Readings.Outcomes>request(Addresses.READINGS_INGEST, new Readings.Batch(deviceId, readings))
        .map(Readings.Outcomes::outcomes);
  }

  /** The device's summary; fails with 404 when the device is unknown. */
  public Future<DeviceSummary> summary(String deviceId) {
    return request(Addresses.READINGS_SUMMARY, new Readings.DeviceKey(deviceId));
  }

  /** The device's summary and a page of its readings; fails with 404 when the device is unknown. */
  public Future<DeviceReadings> readings(Readings.Range range) {
    return request(Addresses.READINGS_RANGE, range);
  }

  public Future<Page<DeviceSummary>> devices(String after, int limit) {
    return request(Addresses.READINGS_DEVICES, new Readings.DevicesQuery(after, limit));
  }
}
