package dev.pulse;

import dev.pulse.config.PulseConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each domain with something to expire (the registry, stream leases, readings past their
 * retention window) to do so, every
 * {@code expiry.intervalMs}. The timer re-arms
 * itself after each sweep completes, so sweeps never overlap; a sweep that stopped at its batch
 * size is followed at once by the next. Safe on every node at the same time: expiry is idempotent.
 */
public final class ExpiryVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryVerticle.class);

  /** The domains swept, each by its own self-rescheduling timer. */
  private static final List<String> SWEPT =
      List.of(Addresses.DISCOVERY_EXPIRE, Addresses.STREAMS_EXPIRE, Addresses.READINGS_EXPIRE);

  private final Map<String, Long> timers = new HashMap<>();
  private long intervalMs;
  private long timeoutMs;
  private boolean stopped;
  private final DomainRequests requests;

  public ExpiryVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    intervalMs = config.expiryIntervalMs();
    timeoutMs = config.eventBusTimeoutMs();
    SWEPT.forEach(address -> scheduleSweep(address, intervalMs));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    timers.values().forEach(vertx::cancelTimer);
    return Future.succeededFuture();
  }

  private void scheduleSweep(String address, long delayMs) {
    if (!stopped) {
      timers.put(address, vertx.setTimer(delayMs, id -> sweep(address)));
    }
  }

  private void sweep(String address) {
    requests.<ExpiryReport>request(address, null, timeoutMs)
        .onSuccess(report -> scheduleSweep(address, report.more() ? 1 : intervalMs))
        .onFailure(failure -> {
          LOG.warn("expiry sweep {} failed, next in {} ms: {}", address, intervalMs, failure.getMessage());
          scheduleSweep(address, intervalMs);
        });
  }
}
