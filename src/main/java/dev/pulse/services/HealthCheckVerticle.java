package dev.pulse.services;

import dev.pulse.Addresses;
import dev.pulse.config.PulseConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the instances that have an HTTP check. Each instance has one chain of timer → claim →
 * probe → record → timer, so a slow endpoint never has two probes in flight; the first probe of an
 * instance is placed at a point of its interval derived from its name, which spreads probes over
 * the interval. Before each probe the node claims the instance for one interval plus a little
 * ({@link HealthCheck#leaseMs}); only the holder probes, and when it stops renewing, the first
 * other node to ask once the claim lapses takes the instance over.
 *
 * <p>Which instances exist is learnt from the registry at start, on every change of a service's
 * definition, and every {@link #RESYNC_MS} ms in case a change notice was lost.
 */
public final class HealthCheckVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(HealthCheckVerticle.class);
  static final long RESYNC_MS = 30_000;
  /** Added to another node's remaining claim before asking again, so the ask lands after it lapsed. */
  private static final long CLAIM_SLACK_MS = 10;

  private final String node = UUID.randomUUID().toString();
  private final Map<String, Probe> probes = new HashMap<>();
  private ServicesClient services;
  private Prober prober;
  private long resyncTimer;

  /** One instance's probe chain; {@code target} is replaced when its definition changes. */
  private static final class Probe {
    Services.ProbeTarget target;
    long timer = -1;
    boolean cancelled;

    Probe(Services.ProbeTarget target) {
      this.target = target;
    }
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    services = new ServicesClient(vertx.eventBus(), config.eventBusTimeoutMs());
    prober = new Prober(vertx);
    resyncTimer = vertx.setPeriodic(RESYNC_MS, timer -> resync(null));
    vertx.eventBus().<Services.ServiceChanged>consumer(Addresses.SERVICES_CHANGED, message -> {
      if (message.body().definition()) {
        resync(message.body().name());
      }
    });
    resync(null);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(resyncTimer);
    probes.values().forEach(this::cancel);
    probes.clear();
    return prober.close();
  }

  /** Reloads the targets of service {@code name} (null: of every service) and reconciles the probes. */
  private void resync(String name) {
    services.probeTargets(name).onSuccess(targets -> reconcile(name, targets))
        .onFailure(failure -> LOG.warn("could not load the probe targets of {}: {}",
            name == null ? "all services" : name, failure.getMessage()));
  }

  private void reconcile(String name, List<Services.ProbeTarget> targets) {
    Map<String, Services.ProbeTarget> wanted = new HashMap<>();
    targets.forEach(target -> wanted.put(target.key(), target));
    for (String key : new ArrayList<>(probes.keySet())) {
      Probe probe = probes.get(key);
      if ((name == null || probe.target.service().equals(name)) && !wanted.containsKey(key)) {
        cancel(probes.remove(key));
      }
    }
    wanted.forEach((key, target) -> {
      Probe probe = probes.get(key);
      if (probe != null) {
        probe.target = target;
      } else {
        probe = new Probe(target);
        probes.put(key, probe);
        schedule(probe, Math.floorMod(key.hashCode(), target.check().interval()));
      }
    });
  }

  private void cancel(Probe probe) {
    probe.cancelled = true;
    if (probe.timer >= 0) {
      vertx.cancelTimer(probe.timer);
    }
  }

  private void schedule(Probe probe, long delayMs) {
    if (probe.cancelled) {
      return;
    }
    probe.timer = vertx.setTimer(Math.max(1, delayMs), timer -> {
      probe.timer = -1;
      run(probe);
    });
  }

  /** Claims, probes and records, then schedules the next round; exactly one of these is pending at a time. */
  private void run(Probe probe) {
    if (probe.cancelled) {
      return;
    }
    Services.ProbeTarget target = probe.target;
    HealthCheck check = target.check();
    long started = System.currentTimeMillis();
    services.claim(target.service(), target.id(), node, check.leaseMs())
        .compose(waitMs -> {
          if (waitMs > 0) {
            return Future.succeededFuture(waitMs + CLAIM_SLACK_MS);
          }
          Prober.Attempt attempt = prober.probe(check.url(target.address()), check.timeout());
          return attempt.result()
              .compose(result -> services.record(target.service(), target.id(), result))
              .compose(recorded -> attempt.settled())
              .map(settled -> Math.max(0, started + check.interval() - System.currentTimeMillis()));
        })
        .onSuccess(delay -> schedule(probe, delay))
        .onFailure(failure -> {
          LOG.warn("probe round of {} failed: {}", target.key(), failure.getMessage());
          schedule(probe, check.interval());
        });
  }
}
