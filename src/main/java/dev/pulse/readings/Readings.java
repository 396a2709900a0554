package dev.pulse.readings;

import java.util.List;

/** Request bodies of the readings verticle, and the types it publishes on the event bus. */
public final class Readings {

  public record Batch(String deviceId, List<Reading> readings) {
  }

  public record DeviceKey(String deviceId) {
  }

  public record Range(String deviceId, Long fromNanos, Long toNanos, String after, int limit) {
  }

  public record DevicesQuery(String after, int limit) {
  }

  /** The outcomes of a batch, one per reading, in order. */
  public record Outcomes(List<ReadingStore.Outcome> outcomes) {
  }

  /** The readings of one batch that were accepted (duplicates left out), in the order sent. */
  public record Ingested(String deviceId, List<Reading> accepted) {
  }

  /** The types this domain publishes on the event bus, passed by reference. */
  public static final List<Class<?>> EVENT_TYPES = List.of(Ingested.class);

  private Readings() {
  }
}
