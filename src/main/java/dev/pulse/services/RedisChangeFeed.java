package dev.pulse.services;

import dev.pulse.Addresses;
import dev.pulse.redis.RedisChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service changes through one Redis pub/sub channel, republished on each node's local event bus.
 * While the subscription is down the owner is told (so that it stops trusting its cache), and
 * since changes published meanwhile are lost, the first message after it is back is "everything
 * may have changed".
 *
 * <p>Wire format of a message: {@code d:<name>} (definition changed) or {@code h:<name>} (health only).
 */
public final class RedisChangeFeed implements ChangeFeed {

  private static final Logger LOG = LoggerFactory.getLogger(RedisChangeFeed.class);

  private final Vertx vertx;
  private final RedisChannel channel;

  /** {@code subscribed} hears false when the subscription is lost and true when it is back. */
  public RedisChangeFeed(Vertx vertx, List<String> endpoints, long timeoutMs, int maxWaitingHandlers,
      String channelName, Consumer<Boolean> subscribed) {
    this.vertx = vertx;
    this.channel = new RedisChannel(vertx, endpoints, timeoutMs, maxWaitingHandlers, channelName, this::received, up -> {
      subscribed.accept(up);
      if (up) {
        vertx.eventBus().publish(Addresses.SERVICES_CHANGED, new Services.ServiceChanged(null, true));
      }
    });
  }

  @Override
  public Future<Void> start() {
    return channel.start();
  }

  @Override
  public void publish(Services.ServiceChanged change) {
    channel.publish((change.definition() ? "d:" : "h:") + change.name())
        .onFailure(failure -> {
          // Other nodes miss this change until their cache entry is dropped by a later one; say so.
          LOG.warn("could not publish the change of service {}: {}", change.name(), failure.getMessage());
        });
  }

  private void received(String body) {
    vertx.eventBus().publish(Addresses.SERVICES_CHANGED,
        new Services.ServiceChanged(body.substring(2), body.startsWith("d:")));
  }

  @Override
  public Future<Void> close() {
    return channel.close();
  }
}
