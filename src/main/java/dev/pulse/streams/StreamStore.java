package dev.pulse.streams;

import dev.pulse.Expired;
import io.vertx.core.Future;

/**
 * Stream leases per user. A lease is active while {@code now < expiresAt}; reads never show an
 * expired one. {@link #acquire} is one atomic step: drop the user's expired leases, count, and
 * admit, renew or refuse. Implementations: {@link MemoryStreamStore} (one owner event loop) and
 * {@link RedisStreamStore} (one Lua script over the user's keys, hash tag {@code {user}}).
 */
public interface StreamStore {

  Future<Void> start();

  Future<Admission> acquire(String userId, String streamId, String contentId, String deviceId);

  /** Extends an active lease by the lease length; null when the lease is unknown or expired. */
  Future<Lease> renew(String userId, String streamId);

  /** Ends an active lease; false when it is unknown or expired. */
  Future<Boolean> release(String userId, String streamId);

  Future<UserStreams> streams(String userId);

  Future<StreamLimit> limit(String userId);

  /** Sets the user's limit, or restores the default when {@code limit} is null. */
  Future<StreamLimit> setLimit(String userId, Integer limit);

  /** Removes at most {@code max} expired leases and returns them, saying whether more are due. */
  Future<Expired<Lease>> expire(int max);

  Future<Void> close();
}
