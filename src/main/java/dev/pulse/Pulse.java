package dev.pulse;

import dev.pulse.alerts.Alerts;
import dev.pulse.alerts.AlertsVerticle;
import dev.pulse.config.PulseConfig;
import dev.pulse.discovery.Discovery;
import dev.pulse.discovery.DiscoveryVerticle;
import dev.pulse.events.LiveEvent;
import dev.pulse.events.LiveEventsVerticle;
import dev.pulse.http.HttpServerVerticle;
import dev.pulse.readings.Readings;
import dev.pulse.readings.ReadingsVerticle;
import dev.pulse.services.HealthCheckVerticle;
import dev.pulse.services.ServiceRegistryVerticle;
import dev.pulse.services.Services;
import dev.pulse.streams.StreamLimitVerticle;
import dev.pulse.streams.Streams;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Pulse node: the verticles deployed in order (domains first, then the timer, then the
 * HTTP server, so that nothing is served before its handler exists) and undeployed in reverse.
 * Used by {@link Main} and by the tests, which start whole nodes exactly as production does.
 */
public final class Pulse {

  private static final Logger LOG = LoggerFactory.getLogger(Pulse.class);

  /**
   * Deployed once each, in this order, before the HTTP servers. Each deployment takes the next
   * event loop in turn; with one loop per HTTP verticle ({@link PulseConfig#eventLoops()}) every
   * loop also runs an HTTP verticle, so each domain shares its thread with one of them whatever
   * the order.
   */
  private static final List<Function<DomainRequests, VerticleBase>> DOMAINS = List.of(
      LiveEventsVerticle::new, DiscoveryVerticle::new, ServiceRegistryVerticle::new, StreamLimitVerticle::new,
      AlertsVerticle::new, ReadingsVerticle::new, ExpiryVerticle::new, HealthCheckVerticle::new);

  private final Vertx vertx;
  private final List<String> deployments;
  private final int port;
  private final long readinessDrainMs;

  private Pulse(Vertx vertx, List<String> deployments, int port, long readinessDrainMs) {
    this.readinessDrainMs = readinessDrainMs;
    this.vertx = vertx;
    this.deployments = deployments;
    this.port = port;
  }

  /** Deploys a node with a config produced by {@link PulseConfig#resolve}. */
  public static Future<Pulse> deploy(Vertx vertx, JsonObject config) {
    PulseConfig settings = PulseConfig.from(config);
    vertx.sharedData().getLocalMap(LIFECYCLE).remove(DRAINING);
    LocalCodec.register(vertx.eventBus(), List.of(LiveEvent.class));
    LocalCodec.register(vertx.eventBus(), Discovery.EVENT_TYPES);
    LocalCodec.register(vertx.eventBus(), Services.EVENT_TYPES);
    LocalCodec.register(vertx.eventBus(), Streams.EVENT_TYPES);
    LocalCodec.register(vertx.eventBus(), Alerts.EVENT_TYPES);
    LocalCodec.register(vertx.eventBus(), Readings.EVENT_TYPES);
    DeploymentOptions single = new DeploymentOptions().setConfig(config);
    DeploymentOptions http = new DeploymentOptions().setConfig(config)
        .setInstances(settings.effectiveHttpInstances());
    List<String> deployed = new ArrayList<>();
    List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    DomainRequests requests = new DomainRequests(vertx);
    for (Function<DomainRequests, VerticleBase> domain : DOMAINS) {
      chain = chain.compose(ignored -> vertx.deployVerticle(domain.apply(requests), single).map(id -> {
        deployed.add(id);
        return null;
      }));
    }
    return chain
        .compose(ignored -> vertx.deployVerticle(() -> {
          HttpServerVerticle server = new HttpServerVerticle(requests);
          servers.add(server);
          return server;
        }, http))
        .map(id -> {
          deployed.add(id);
          return new Pulse(vertx, deployed, servers.get(0).actualPort(), settings.readinessDrainMs());
        })
        .recover(failure -> undeploy(vertx, deployed).transform(ignored -> Future.failedFuture(failure)));
  }

  public int port() {
    return port;
  }

  /**
   * Stops the node: readiness turns 503 at once, and after {@code http.readinessDrainMs} (time for
   * load balancers to notice) the HTTP server stops (in-flight requests finish within the grace period), then
   * the timer, then the domains, whose stores close their Redis connections last.
   */
  public Future<Void> stop() {
    vertx.sharedData().getLocalMap(LIFECYCLE).put(DRAINING, true);
    Future<Void> drained = readinessDrainMs == 0 ? Future.succeededFuture()
        : vertx.timer(readinessDrainMs).mapEmpty();
    return drained.compose(ignored -> undeploy(vertx, deployments));
  }

  private static final String LIFECYCLE = "pulse.lifecycle";
  private static final String DRAINING = "draining";

  /** True from the moment {@link #stop()} begins: readiness answers 503 while requests drain. */
  public static boolean isDraining(Vertx vertx) {
    return Boolean.TRUE.equals(vertx.sharedData().getLocalMap(LIFECYCLE).get(DRAINING));
  }

  private static Future<Void> undeploy(Vertx vertx, List<String> deployments) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(ignored -> vertx.undeploy(id)
          .recover(failure -> {
            LOG.warn("undeploying {} failed: {}", id, failure.getMessage());
            return Future.succeededFuture();
          }));
    }
    return chain;
  }
}
