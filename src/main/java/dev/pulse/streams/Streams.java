package dev.pulse.streams;

import java.util.List;

/** Request bodies sent to the stream-limit verticle over the event bus. */
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

  /** Message types passed by reference over the local event bus. */
  public static final List<Class<?>> MESSAGE_TYPES = List.of(
      Acquire.class, LeaseKey.class, UserKey.class, SetLimit.class,
      Admission.class, Lease.class, UserStreams.class, StreamLimit.class);

  private Streams() {
  }
}
