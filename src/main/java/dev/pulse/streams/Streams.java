package dev.pulse.streams;

import java.util.List;

/** Request bodies of the stream-limit verticle, and the types it publishes on the event bus. */
public final class Streams {

  /** Start (or retry) {@code streamId} for {@code userId}. */
  public record Acquire(String userId, String streamId, String contentId, String deviceId) {
  }

  public record LeaseKey(String userId, String streamId) {
  }

  public record UserKey(String userId) {
  }

  /** Sets a per-user limit; {@code limit} null restores the default. */
  public record SetLimit(String userId, Integer limit) {
  }

  /** The types this domain publishes on the event bus, passed by reference. */
  public static final List<Class<?>> EVENT_TYPES = List.of(Lease.class, LeaseKey.class);

  private Streams() {
  }
}
