package dev.pulse.services;

import dev.pulse.Addresses;
import dev.pulse.DomainRequests;
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
  /**
   * When (in {@link #requests} ticks) the targets of each service were last asked for, so that a
   * reply to an older request (a periodic full resync that started before a change) never undoes
   * what a newer one set up.
   */
  private final Map<String, Long> askedAt = new HashMap<>();
  private long requests;
  private ServicesClient services;
  private final DomainRequests domainRequests;
  private Prober prober;
  private long resyncTimer;

  /**
   * One instance's probe chain: at any time either a timer is pending or a round is running, never
   * both, never two. {@code target} is replaced when the definition changes; a cancelled chain
   * that is mid-round stays in {@link #probes} until the round ends, so that a target re-added
   * meanwhile revives it instead of starting a second chain.
   */
  private static final class Probe {
    Services.ProbeTarget target;
    long timer = -1;
    boolean running;
    boolean cancelled;

    Probe(Services.ProbeTarget target) {
      this.target = target;
    }
  }

  public HealthCheckVerticle(DomainRequests domainRequests) {
    this.domainRequests = domainRequests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    services = new ServicesClient(domainRequests, config.eventBusTimeoutMs());
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
    probes.values().forEach(probe -> {
      probe.cancelled = true;
      cancelTimer(probe);
    });
    probes.clear();
    return prober.close();
  }

  /** Reloads the targets of service {@code name} (null: of every service) and reconciles the probes. */
  private void resync(String name) {
    long asked = ++requests;
    askedAt.put(name, asked);
    services.probeTargets(name).onSuccess(targets -> reconcile(name, asked, targets))
        .onFailure(failure -> LOG.warn("could not load the probe targets of {}: {}",
            name == null ? "all services" : name, failure.getMessage()));
  }

  /** True when a newer request covers {@code service} than the one asked at {@code asked}. */
  private boolean superseded(String service, long asked) {
    return askedAt.getOrDefault(service, 0L) > asked || askedAt.getOrDefault(null, 0L) > asked;
  }

  private void reconcile(String name, long asked, List<Services.ProbeTarget> targets) {
    if (name != null) {
      askedAt.remove(name, asked);
    }
    Map<String, Services.ProbeTarget> wanted = new HashMap<>();
    targets.forEach(target -> wanted.put(target.key(), target));
    for (Probe probe : new ArrayList<>(probes.values())) {
      String service = probe.target.service();
      if ((name == null || service.equals(name)) && !wanted.containsKey(probe.target.key())
          && !superseded(service, asked)) {
        cancel(probe);
      }
    }
    wanted.forEach((key, target) -> {
      if (!superseded(target.service(), asked)) {
        upsert(key, target);
      }
    });
  }

  private void upsert(String key, Services.ProbeTarget target) {
    Probe probe = probes.get(key);
    if (probe == null) {
      probe = new Probe(target);
      probes.put(key, probe);
      schedule(probe, firstDelay(target));
      return;
    }
    boolean revived = probe.cancelled;
    boolean checkChanged = !probe.target.check().equals(target.check());
    probe.cancelled = false;
    probe.target = target;
    if (probe.timer >= 0 && checkChanged) {
      // A new interval applies now, not after the old one's timer.
      cancelTimer(probe);
      schedule(probe, firstDelay(target));
    } else if (revived && !probe.running && probe.timer < 0) {
      schedule(probe, firstDelay(target));
    }
  }

  /** Where in its interval an instance's probes fall: derived from its name, the same on every node. */
  private static long firstDelay(Services.ProbeTarget target) {
    return Math.floorMod(target.key().hashCode(), target.check().interval());
  }

  private void cancel(Probe probe) {
    probe.cancelled = true;
    cancelTimer(probe);
    if (!probe.running) {
      probes.remove(probe.target.key(), probe);
    }
  }

  private void cancelTimer(Probe probe) {
    if (probe.timer >= 0) {
      vertx.cancelTimer(probe.timer);
      probe.timer = -1;
    }
  }

  private void schedule(Probe probe, long delayMs) {
    if (probe.cancelled) {
      probes.remove(probe.target.key(), probe);
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
    probe.running = true;
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
        .onComplete(done -> {
          probe.running = false;
          if (done.failed()) {
            LOG.warn("probe round of {} failed: {}", target.key(), done.cause().getMessage());
          }
          schedule(probe, done.succeeded() ? done.result() : check.interval());
        });
  }
}
