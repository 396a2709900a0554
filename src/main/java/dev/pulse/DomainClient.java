package dev.pulse;

import io.vertx.core.Future;

/** Base of the typed domain clients: a {@link DomainRequests} request with the configured timeout. */
public abstract class DomainClient {

  private final DomainRequests requests;
  private final long timeoutMs;

  protected DomainClient(DomainRequests requests, long timeoutMs) {
    this.requests = requests;
    this.timeoutMs = timeoutMs;
  }

  /** Sends {@code body} to the domain verticle that handles {@code address}; completes with its answer. */
  protected <T> Future<T> request(String address, Object body) {
    return requests.request(address, body, timeoutMs);
  }
}
