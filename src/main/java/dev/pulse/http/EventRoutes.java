package dev.pulse.http;

import static dev.pulse.Addresses.EVENTS_LIVE;
import static dev.pulse.Addresses.EVENTS_WATCHERS;

import dev.pulse.DomainRequests;
import dev.pulse.events.LiveEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /events}: a Server-Sent Events stream of the live events of every node, optionally
 * narrowed to some topics ({@code ?topics=registry,alerts}). Each stream opens with a {@code ready}
 * event; one that cannot keep up skips events and is sent {@code resync} once it has caught up.
 */
final class EventRoutes {

  private static final int STALLED_PERIODS = 4;

  private final Vertx vertx;
  private final long keepaliveMs;
  private final DomainRequests requests;
  private final long timeoutMs;
  /** The streams open on this HTTP verticle instance, ended first when it stops. */
  private final Set<EventStream> open = new HashSet<>();

  EventRoutes(Vertx vertx, DomainRequests requests, long keepaliveMs, long eventBusTimeoutMs) {
    this.vertx = vertx;
    this.requests = requests;
    this.keepaliveMs = keepaliveMs;
    this.timeoutMs = eventBusTimeoutMs;
  }

  void mount(Router router) {
    RouteTemplates.named(router.get("/events")).handler(this::stream);
  }

  /** Ends every open stream (a stopping server would otherwise wait its whole grace for them). */
  void endAll() {
    List.copyOf(open).forEach(EventStream::end);
  }

  private void stream(RoutingContext ctx) {
    QueryParams.only(ctx, Set.of("topics"));
    Set<String> topics = topics(ctx.request().getParam("topics"));
    watchers(1)
        .onSuccess(admitted -> {
          if (!admitted) {
            ctx.fail(new ProblemException(503, "TOO_MANY_STREAMS", null,
                "this node has events.maxStreams event streams open; try again later or another node"));
          } else if (ctx.response().closed()) {
            watchers(-1);
          } else {
            new EventStream(ctx, topics).start();
          }
        })
        .onFailure(ctx::fail);
  }

  /** Tells this node's live-events verticle that a stream opens (+1) or closes (-1); an opening may be refused (false). */
  private Future<Boolean> watchers(int change) {
    return requests.request(EVENTS_WATCHERS, change, timeoutMs);
  }

  /** The topics asked for ({@code null} or empty: all), each one known, else a 400. */
  static Set<String> topics(String param) {
    if (param == null || param.isBlank()) {
      return Set.copyOf(LiveEvent.TOPICS);
    }
    Set<String> topics = new LinkedHashSet<>();
    for (String topic : param.split(",")) {
      String name = topic.trim();
      if (!LiveEvent.TOPICS.contains(name)) {
        throw ProblemException.badRequest("INVALID_QUERY", "topics", "topics must be a comma-separated list of "
            + String.join(", ", LiveEvent.TOPICS) + ", got '" + name + "'");
      }
      topics.add(name);
    }
    if (topics.isEmpty()) {
      throw ProblemException.badRequest("INVALID_QUERY", "topics", "topics names no topic: give one or more of "
          + String.join(", ", LiveEvent.TOPICS) + ", or leave it out for all");
    }
    return topics;
  }

  /** One open stream: its consumer of this node's live events, its keep-alive timer, its state. */
  private final class EventStream {

    private final RoutingContext ctx;
    private final HttpServerResponse response;
    private final Set<String> topics;
    private MessageConsumer<LiveEvent> consumer;
    private long keepaliveTimer;
    private boolean skipped;
    /** Keep-alive periods in a row the client has read nothing: a stalled client is let go. */
    private int stalledPeriods;
    private boolean ended;

    EventStream(RoutingContext ctx, Set<String> topics) {
      this.ctx = ctx;
      this.response = ctx.response();
      this.topics = topics;
    }

    void start() {
      open.add(this);
      response.setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Accel-Buffering", "no");
      // Through the routing context, not response.closeHandler/endHandler: those would replace the
      // handlers Vert.x Web itself set (the access log's among them).
      ctx.addEndHandler(ended -> cleanUp());
      response.drainHandler(drained -> {
        if (skipped && !ended) {
          skipped = false;
          write(LiveEvent.resync());
        }
      });
      consumer = vertx.eventBus().localConsumer(EVENTS_LIVE, message -> send(message.body()));
      keepaliveTimer = vertx.setPeriodic(keepaliveMs, timer -> {
        if (!response.writeQueueFull()) {
          stalledPeriods = 0;
          response.write(": keepalive\n\n");
        } else if (++stalledPeriods >= STALLED_PERIODS) {
          // It has not read for this long: free its place rather than hold it until TCP gives up.
          response.reset();
          cleanUp();
        }
      });
      response.write("retry: 2000\n\n");
      write(new LiveEvent(null, "ready", Json.encode(new Ready(List.copyOf(topics))).toString()));
    }

    private void send(LiveEvent event) {
      if (ended || event.topic() != null && !topics.contains(event.topic())) {
        return;
      }
      if (response.writeQueueFull()) {
        skipped = true;
        return;
      }
      write(event);
    }

    private void write(LiveEvent event) {
      response.write(Buffer.buffer(event.frame()));
    }

    void end() {
      if (!ended) {
        response.end();
      }
      cleanUp();
    }

    private void cleanUp() {
      if (ended) {
        return;
      }
      ended = true;
      open.remove(this);
      vertx.cancelTimer(keepaliveTimer);
      consumer.unregister();
      watchers(-1);
    }
  }

  record Ready(List<String> topics) {
  }
}
