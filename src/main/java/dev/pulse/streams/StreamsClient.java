package dev.pulse.streams;

import dev.pulse.Addresses;
import dev.pulse.DomainClient;
import dev.pulse.DomainRequests;
import io.vertx.core.Future;

/** The stream-limit domain as seen from another verticle: typed requests to its verticle. */
public final class StreamsClient extends DomainClient {

  public StreamsClient(DomainRequests requests, long timeoutMs) {
    super(requests, timeoutMs);
  }

  public Future<Admission> acquire(String userId, String streamId, String contentId, String deviceId) {
    return request(Addresses.STREAMS_ACQUIRE, new Streams.Acquire(userId, streamId, contentId, deviceId));
  }

  /** The renewed lease; fails with 404 when it is unknown or expired. */
  public Future<Lease> renew(String userId, String streamId) {
    return request(Addresses.STREAMS_RENEW, new Streams.LeaseKey(userId, streamId));
  }

  /** Completes when the lease was ended; fails with 404 when it is unknown or expired. */
  public Future<Void> release(String userId, String streamId) {
    return request(Addresses.STREAMS_RELEASE, new Streams.LeaseKey(userId, streamId)).mapEmpty();
  }

  public Future<UserStreams> streams(String userId) {
    return request(Addresses.STREAMS_LIST, new Streams.UserKey(userId));
  }

  public Future<StreamLimit> limit(String userId) {
    return request(Addresses.STREAMS_LIMIT, new Streams.UserKey(userId));
  }

  public Future<StreamLimit> setLimit(String userId, Integer limit) {
    return request(Addresses.STREAMS_SET_LIMIT, new Streams.SetLimit(userId, limit));
  }
}
