package dev.pulse.streams;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One admitted stream: a slot of the user's limit, held until {@code expiresAt} unless renewed.
 * {@code contentId} and {@code deviceId} are what the player sent (null when it sent none).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Lease(String userId, String streamId, String contentId, String deviceId, long startedAt,
    long expiresAt) {

  public Lease renewedUntil(long newExpiresAt) {
    return new Lease(userId, streamId, contentId, deviceId, startedAt, newExpiresAt);
  }
}
