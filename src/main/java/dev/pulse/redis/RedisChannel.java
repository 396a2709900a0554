package dev.pulse.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis pub/sub channel as seen by one Pulse node: {@link #publish} sends a message over one
 * pipelined connection to one Redis endpoint (in a Redis Cluster a publish reaches every node of
 * the cluster), and one subscribed connection to one endpoint hands every message, this node's own
 * included, to the message handler on the owner's event loop.
 *
 * <p>Publishing through one connection to one endpoint keeps this node's messages in the order it
 * sent them, for every subscriber: a cluster client would send each keyless {@code PUBLISH} to any
 * node, and two messages relayed by two nodes can arrive the other way round. When that endpoint
 * fails, publishing moves to the next one. A dropped subscription is re-opened with backoff,
 * trying the endpoints in turn; the state handler hears {@code false} when it is lost and
 * {@code true} when it is back, since messages published meanwhile are lost.
 */
public final class RedisChannel {

  private static final Logger LOG = LoggerFactory.getLogger(RedisChannel.class);
  private static final long MAX_BACKOFF_MS = 2_000;

  private final Vertx vertx;
  private final long timeoutMs;
  private final int maxWaitingHandlers;
  private final List<String> endpoints;
  private final String channel;
  private final Consumer<String> messages;
  private final Consumer<Boolean> subscribed;
  private Redis publisher;
  private int publishAt;
  private Redis subscriberClient;
  private RedisConnection subscriber;
  private int attempt;
  private boolean closed;

  /** {@code timeoutMs} bounds each publish; {@code maxWaitingHandlers} is how many may be in flight. */
  public RedisChannel(Vertx vertx, List<String> endpoints, long timeoutMs, int maxWaitingHandlers, String channel,
      Consumer<String> messages, Consumer<Boolean> subscribed) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.maxWaitingHandlers = maxWaitingHandlers;
    this.endpoints = endpoints;
    this.channel = channel;
    this.messages = messages;
    this.subscribed = subscribed;
  }

  /** Subscribes; fails when the first endpoint cannot be reached. */
  public Future<Void> start() {
    return subscribe();
  }

  /** Publishes one message; completes once Redis took it. */
  public Future<Void> publish(String message) {
    if (closed) {
      return Future.failedFuture("channel " + channel + " is closed");
    }
    if (publisher == null) {
      publisher = new BoundedRedis(new PinnedRedis(Redis.createClient(vertx, new RedisOptions()
          .setType(RedisClientType.STANDALONE).setConnectionString(endpoints.get(publishAt % endpoints.size()))
          .setMaxPoolSize(1).setMaxWaitingHandlers(maxWaitingHandlers))), timeoutMs);
    }
    Redis used = publisher;
    return used.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message)).<Void>mapEmpty().onFailure(failure -> {
      if (used == publisher && !closed) {
        // Next time, the next endpoint (this one may be down for good, e.g. a failed-over master).
        publisher = null;
        publishAt++;
        used.close();
      }
    });
  }

  public Future<Void> close() {
    closed = true;
    Future<Void> unsubscribed = subscriberClient == null ? Future.succeededFuture() : subscriberClient.close();
    return publisher == null ? unsubscribed : unsubscribed.eventually(publisher::close);
  }

  private Future<Void> subscribe() {
    String endpoint = endpoints.get(attempt % endpoints.size());
    subscriberClient = Redis.createClient(vertx, new RedisOptions().setType(RedisClientType.STANDALONE)
        .setConnectionString(endpoint).setMaxPoolSize(1));
    return subscriberClient.connect().compose(connection -> {
      connection.handler(this::received);
      connection.exceptionHandler(failure -> lost("failed: " + failure.getMessage()));
      connection.endHandler(ignored -> lost("closed"));
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).map(done -> {
        subscriber = connection;
        return null;
      });
    });
  }

  private void received(Response message) {
    if (message.size() == 3 && "message".equals(message.get(0).toString())) {
      messages.accept(message.get(2).toString());
    }
  }

  private void lost(String why) {
    if (closed || subscriber == null) {
      return;
    }
    LOG.warn("subscription to {} {}; re-subscribing", channel, why);
    subscriber = null;
    subscribed.accept(false);
    subscriberClient.close();
    retry();
  }

  private void retry() {
    long backoff = Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt, 5));
    attempt++;
    vertx.setTimer(backoff, timer -> {
      if (closed) {
        return;
      }
      subscribe().onSuccess(ignored -> {
        attempt = 0;
        LOG.info("subscription to {} restored", channel);
        subscribed.accept(true);
      }).onFailure(failure -> {
        if (subscriberClient != null) {
          subscriberClient.close();
        }
        retry();
      });
    });
  }
}
