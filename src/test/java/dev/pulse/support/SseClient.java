package dev.pulse.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests: opens {@code GET path}, parses the stream into events as
 * they arrive and hands them to the test thread in order. Waiting for an event blocks the test
 * thread on a queue (up to a deadline), never on a sleep.
 */
public final class SseClient implements AutoCloseable {

  /** One event: its name and its data parsed as JSON. */
  public record Event(String name, JsonObject data) {
  }

  private final HttpClient http;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final StringBuilder pending = new StringBuilder();
  private final HttpClientResponse response;
  private volatile boolean ended;

  private SseClient(HttpClient http, HttpClientResponse response) {
    this.http = http;
    this.response = response;
  }

  /** Opens the stream; the response must be a 200 {@code text/event-stream}, else it fails with the body. */
  public static SseClient open(Vertx vertx, int port, String path) {
    return openAsync(vertx, port, path).await();
  }

  /**
   * {@link #open}, as a future that fails when the answer is not a 200. The request is made on an
   * event loop: the callbacks below then run in the turn that handles the response head, so the
   * chunk handler is set before any chunk is handled. Made from a test thread, the callbacks were
   * dispatched to a later turn, and on a slow machine the first event could pass unobserved.
   */
  public static io.vertx.core.Future<SseClient> openAsync(Vertx vertx, int port, String path) {
    io.vertx.core.Promise<SseClient> opened = io.vertx.core.Promise.promise();
    vertx.runOnContext(onLoop -> connect(vertx, port, path).onComplete(opened));
    return opened.future();
  }

  private static io.vertx.core.Future<SseClient> connect(Vertx vertx, int port, String path) {
    HttpClient http = vertx.createHttpClient();
    return http.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setHost("127.0.0.1").setPort(port).setURI(path).putHeader("Accept", "text/event-stream"))
        .compose(request -> request.send())
        .compose(response -> {
          if (response.statusCode() != 200) {
            return response.body().compose(body -> http.close().transform(closed -> io.vertx.core.Future.failedFuture(
                new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + body))));
          }
          SseClient client = new SseClient(http, response);
          response.handler(chunk -> client.received(chunk.toString()));
          response.endHandler(done -> client.ended = true);
          return io.vertx.core.Future.succeededFuture(client);
        });
  }

  public String header(String name) {
    return response.getHeader(name);
  }

  private synchronized void received(String text) {
    pending.append(text);
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String block = pending.substring(0, end);
      pending.delete(0, end + 2);
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
      if (data.length() > 0) {
        events.add(new Event(name, new JsonObject(data.toString())));
      }
    }
  }

  /** The next event, waiting up to {@code timeoutMs}; fails when none arrives. */
  public Event next(long timeoutMs) {
    try {
      Event event = events.poll(timeoutMs, TimeUnit.MILLISECONDS);
      if (event == null) {
        throw new AssertionError("no event within " + timeoutMs + " ms");
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Skips events until one matches, waiting up to {@code timeoutMs} in all; returns it. */
  public Event await(Predicate<Event> wanted, long timeoutMs, String what) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    List<String> skipped = new ArrayList<>();
    while (true) {
      long left = deadline - System.currentTimeMillis();
      Event event;
      try {
        event = left <= 0 ? null : events.poll(left, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      if (event == null) {
        throw new AssertionError("no " + what + " within " + timeoutMs + " ms; skipped " + skipped);
      }
      if (wanted.test(event)) {
        return event;
      }
      skipped.add(event.name());
    }
  }

  /** Every event received so far and not yet taken. */
  public List<Event> drain() {
    List<Event> drained = new ArrayList<>();
    events.drainTo(drained);
    return drained;
  }

  public boolean ended() {
    return ended;
  }

  @Override
  public void close() {
    http.close().await();
  }
}
