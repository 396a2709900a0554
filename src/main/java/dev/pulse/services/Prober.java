package dev.pulse.services;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one HTTP check: {@code GET url}, passed on a 2xx. Connecting, waiting and reading the body
 * are all bounded by the check's timeout; when it runs out the result is a failure at once and the
 * request is reset, so a hanging endpoint holds no connection afterwards. Work the reset cannot
 * cut short (a name lookup under way) is reported by {@link Attempt#settled()}, which the caller
 * waits for before the next probe of the same instance, so attempts never pile up.
 */
final class Prober {

  static final int MAX_CONNECTIONS_PER_HOST = 256;

  private final Vertx vertx;
  private final HttpClient client;

  /** A probe's {@code result}, complete by the timeout, and {@code settled}: the request is over. */
  record Attempt(Future<ProbeResult> result, Future<Void> settled) {
  }

  Prober(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(60),
        // One connection per instance at most (probes of an instance never overlap), many instances per host.
        new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_HOST));
  }

  Attempt probe(String url, long timeoutMs) {
    long at = System.currentTimeMillis();
    long started = System.nanoTime();
    Promise<ProbeResult> outcome = Promise.promise();
    AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
    long guard = vertx.setTimer(timeoutMs, timer -> {
      if (outcome.tryComplete(new ProbeResult(false, at, elapsedMs(started), "timeout after " + timeoutMs + " ms"))
          && inFlight.get() != null) {
        inFlight.get().reset();
      }
    });
    // Started inside compose, so that a request the client refuses at once (it throws) is a failed probe.
    Future<Integer> status = Future.succeededFuture().compose(start -> client.request(new RequestOptions()
            .setMethod(HttpMethod.GET).setAbsoluteURI(url).setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs)))
        .compose(request -> {
          inFlight.set(request);
          if (outcome.future().isComplete()) {
            request.reset(); // timed out while connecting
          }
          return request.send();
        })
        .compose(response -> response.end().map(response.statusCode()));
    status.onComplete(done -> {
      vertx.cancelTimer(guard);
      long latency = elapsedMs(started);
      if (done.failed()) {
        outcome.tryComplete(new ProbeResult(false, at, latency, describe(done.cause())));
      } else if (done.result() >= 200 && done.result() < 300) {
        outcome.tryComplete(new ProbeResult(true, at, latency, null));
      } else {
        outcome.tryComplete(new ProbeResult(false, at, latency, "HTTP " + done.result()));
      }
    });
    return new Attempt(outcome.future(), status.<Void>mapEmpty().otherwiseEmpty());
  }

  private static long elapsedMs(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    if (failure instanceof java.net.ConnectException || (message != null && message.contains("Connection refused"))) {
      return "connection refused";
    }
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  /** Closes the client without waiting for probes in flight (their results no longer matter). */
  Future<Void> close() {
    return client.shutdown(0, java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
