package dev.pulse.http;

import dev.pulse.DomainRequests;
import dev.pulse.Pulse;
import dev.pulse.config.PulseConfig;
import dev.pulse.ops.HttpServerMeters;
import dev.pulse.ops.PulseMetrics;
import dev.pulse.redis.RedisClients;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import dev.pulse.alerts.AlertsClient;
import dev.pulse.discovery.DiscoveryClient;
import dev.pulse.readings.ReadingsClient;
import dev.pulse.services.ServicesClient;
import dev.pulse.streams.StreamsClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP edge: one {@link Router}, parse → one request to a domain ({@link DomainRequests}) → render. Stateless, so it runs
 * as {@code http.instances} instances sharing the port. Stopping it lets in-flight requests finish
 * (up to {@code http.shutdownGraceMs}) before the port closes.
 */
public final class HttpServerVerticle extends VerticleBase {

  private HttpServer server;
  private EventRoutes events;
  private Redis readinessRedis;
  private long shutdownGraceMs;
  private final DomainRequests requests;

  public HttpServerVerticle(DomainRequests requests) {
    this.requests = requests;
  }

  @Override
  public Future<?> start() {
    PulseConfig config = PulseConfig.from(config());
    shutdownGraceMs = config.shutdownGraceMs();
    DiscoveryClient discovery = new DiscoveryClient(requests, config.eventBusTimeoutMs());

    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(new HttpServerMeters(vertx)));
    if (config.redisStore()) {
      readinessRedis = RedisClients.create(vertx, config);
    }
    new OpsRoutes(PulseMetrics.registry(vertx), () -> Pulse.isDraining(vertx), readinessRedis == null ? null
        : () -> readinessRedis.send(Request.cmd(Command.PING)).mapEmpty()).mount(router);
    // First the heartbeat routes for groups that are not reserved segments: the hottest path meets
    // them first. Then the other domains' routes, each under its reserved first segment (a request is
    // tried against its own segment's path templates only: SegmentRoutes), except POST /alerts/events,
    // an exact path on this router (AlertRoutes.mount).
    HeartbeatRoutes heartbeats = new HeartbeatRoutes(discovery, config.maxBodyBytes());
    heartbeats.mountFastPath(router);
    new AlertRoutes(new AlertsClient(requests, config.eventBusTimeoutMs())).mount(vertx, router);
    new ReadingRoutes(new ReadingsClient(requests, config.eventBusTimeoutMs()), config.readingsRetentionMs())
        .mount(vertx, router);
    new ServiceRoutes(new ServicesClient(requests, config.eventBusTimeoutMs()), config.maxBodyBytes())
        .mount(vertx, router);
    new StreamRoutes(new StreamsClient(requests, config.eventBusTimeoutMs()), config.maxBodyBytes())
        .mount(vertx, router);
    events = new EventRoutes(vertx, requests, config.eventsKeepaliveMs(), config.eventBusTimeoutMs());
    events.mount(router);
    new UiRoutes().mount(router);
    // Last: these heartbeat routes match any first path segment.
    heartbeats.mount(router);
    router.route().failureHandler(Problems::handle);
    router.errorHandler(400, Problems.forStatus(400));
    router.errorHandler(404, Problems.forStatus(404));
    router.errorHandler(405, Problems.forStatus(405));

    // No WebSocket is served (live events are Server-Sent Events), so no WebSocket compression
    // handler sits in every connection's pipeline.
    server = vertx.createHttpServer(new HttpServerOptions()
            .setHandle100ContinueAutomatically(true)
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false))
        .requestHandler(router);
    return server.listen(config.httpPort());
  }

  @Override
  public Future<?> stop() {
    if (events != null) {
      events.endAll();
    }
    Future<Void> stopped = server == null ? Future.succeededFuture()
        : server.shutdown(shutdownGraceMs, TimeUnit.MILLISECONDS);
    return readinessRedis == null ? stopped : stopped.eventually(readinessRedis::close);
  }

  /** The port this instance listens on (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

}
