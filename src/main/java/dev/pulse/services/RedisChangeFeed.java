package dev.pulse.services;

import dev.pulse.Addresses;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service changes through Redis pub/sub: a change is {@code PUBLISH}ed on one channel (in a Redis
 * Cluster a publish reaches every node of the cluster), and each Pulse node holds one subscribed
 * connection to one Redis endpoint and republishes what arrives on its local event bus. A dropped
 * subscription is re-opened with backoff (trying the endpoints in turn); meanwhile the owner is
 * told (so that it stops trusting its cache), and since changes published meanwhile are lost, the
 * first message after a reconnect is "everything may have changed".
 *
 * <p>Wire format of a message: {@code d:<name>} (definition changed) or {@code h:<name>} (health only).
 */
public final class RedisChangeFeed implements ChangeFeed {

  private static final Logger LOG = LoggerFactory.getLogger(RedisChangeFeed.class);
  private static final long MAX_BACKOFF_MS = 2_000;

  private final Vertx vertx;
  private final Redis publisher;
  private final List<String> endpoints;
  private final String channel;
  private final java.util.function.Consumer<Boolean> subscribed;
  private Redis subscriberClient;
  private RedisConnection subscriber;
  private int attempt;
  private boolean closed;

  /** {@code subscribed} hears false when the subscription is lost and true when it is back. */
  public RedisChangeFeed(Vertx vertx, Redis publisher, List<String> endpoints, String channel,
      java.util.function.Consumer<Boolean> subscribed) {
    this.subscribed = subscribed;
    this.vertx = vertx;
    this.publisher = publisher;
    this.endpoints = endpoints;
    this.channel = channel;
  }

  @Override
  public Future<Void> start() {
    return subscribe();
  }

  @Override
  public void publish(Services.ServiceChanged change) {
    String message = (change.definition() ? "d:" : "h:") + change.name();
    publisher.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message))
        .onFailure(failure -> {
          // Other nodes miss this change until their cache entry is dropped by a later one; say so.
          LOG.warn("could not publish the change of service {}: {}", change.name(), failure.getMessage());
        });
  }

  private Future<Void> subscribe() {
    String endpoint = endpoints.get(attempt % endpoints.size());
    subscriberClient = Redis.createClient(vertx, new RedisOptions().setType(RedisClientType.STANDALONE)
        .setConnectionString(endpoint).setMaxPoolSize(1));
    return subscriberClient.connect().compose(connection -> {
      connection.handler(this::received);
      connection.exceptionHandler(failure -> lost("failed: " + failure.getMessage()));
      connection.endHandler(ignored -> lost("closed"));
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).map(subscribed -> {
        subscriber = connection;
        return null;
      });
    });
  }

  private void received(Response message) {
    if (message.size() == 3 && "message".equals(message.get(0).toString())) {
      String body = message.get(2).toString();
      vertx.eventBus().publish(Addresses.SERVICES_CHANGED,
          new Services.ServiceChanged(body.substring(2), body.startsWith("d:")));
    }
  }

  private void lost(String why) {
    if (closed || subscriber == null) {
      return;
    }
    LOG.warn("service change subscription {}; lookups read Redis until it is back", why);
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
        LOG.info("service change subscription restored");
        subscribed.accept(true);
        vertx.eventBus().publish(Addresses.SERVICES_CHANGED, new Services.ServiceChanged(null, true));
      }).onFailure(failure -> {
        if (subscriberClient != null) {
          subscriberClient.close();
        }
        retry();
      });
    });
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return subscriberClient == null ? Future.succeededFuture() : subscriberClient.close();
  }
}
