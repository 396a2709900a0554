package dev.pulse;

import dev.pulse.config.PulseConfig;
import dev.pulse.discovery.Discovery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the registry to expire what is stale, every {@code expiry.intervalMs}. The timer re-arms
 * itself after each sweep completes, so sweeps never overlap; a sweep that stopped at its batch
 * size is followed at once by the next. Safe on every node at the same time: expiry is idempotent.
 */
public final class ExpiryVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryVerticle.class);

  private long intervalMs;
  private DeliveryOptions options;
  private long timerId = -1;
  private boolean stopped;

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    intervalMs = config.expiryIntervalMs();
    options = new DeliveryOptions().setSendTimeout(config.eventBusTimeoutMs());
    scheduleSweep(intervalMs);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return Future.succeededFuture();
  }

  private void scheduleSweep(long delayMs) {
    if (!stopped) {
      timerId = vertx.setTimer(delayMs, id -> sweep());
    }
  }

  private void sweep() {
    vertx.eventBus().<Discovery.ExpiryReport>request(Addresses.DISCOVERY_EXPIRE, null, options)
        .onSuccess(reply -> scheduleSweep(reply.body().more() ? 1 : intervalMs))
        .onFailure(failure -> {
          LOG.warn("expiry sweep failed, next in {} ms: {}", intervalMs, failure.getMessage());
          scheduleSweep(intervalMs);
        });
  }
}
