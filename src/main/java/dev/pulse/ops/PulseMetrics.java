package dev.pulse.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Prometheus registry of a Pulse process. The HTTP servers record requests by route and
 * status there ({@link HttpServerMeters}), and the domain verticles add their counters and gauges
 * through {@link #registry(Vertx)}. {@link #newVertx(VertxOptions)} builds the Vert.x instance with Vert.x's
 * own metrics for what Pulse does not measure itself (Redis and HTTP clients, pools, JVM) in the
 * same registry. Vert.x's HTTP server and event-bus metrics stay off: they look their meters up on
 * every request and every message, which cost a fifth of the heartbeat path's CPU.
 */
public final class PulseMetrics {

  private static final Map<Vertx, PrometheusMeterRegistry> REGISTRIES = Collections.synchronizedMap(new WeakHashMap<>());

  private PulseMetrics() {
  }

  /** Latency buckets of the HTTP server histogram (seconds): enough for SLOs, few enough to scrape. */
  private static final double[] LATENCY_BUCKETS_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  /** The same buckets in the nanoseconds Micrometer's timers record. */
  private static final double[] LATENCY_BUCKETS_NANOS =
      java.util.Arrays.stream(LATENCY_BUCKETS_SECONDS).map(seconds -> seconds * 1e9).toArray();

  /** A Vert.x with {@code options} and the metrics described above. */
  public static Vertx newVertx(VertxOptions options) {
    PrometheusMeterRegistry registry = newRegistry();
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
        .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
        // No raw paths and no methods as labels: every label stays bounded.
        .setLabels(java.util.EnumSet.of(Label.HTTP_CODE, Label.NAMESPACE, Label.POOL_TYPE, Label.POOL_NAME));
    Vertx vertx = Vertx.builder().with(new VertxOptions(options).setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    REGISTRIES.put(vertx, registry);
    return vertx;
  }

  /** The registry of {@code vertx}'s process: the one {@link #newVertx(VertxOptions)} made, or a new one. */
  public static PrometheusMeterRegistry registry(Vertx vertx) {
    return REGISTRIES.computeIfAbsent(vertx, v -> newRegistry());
  }

  /** A registry where only HTTP server latency is a histogram, with {@link #LATENCY_BUCKETS_SECONDS}. */
  private static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().equals(HttpServerMeters.RESPONSE_TIME)) {
          return DistributionStatisticConfig.builder().serviceLevelObjectives(LATENCY_BUCKETS_NANOS).build()
              .merge(config);
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives()
            .build().merge(config);
      }
    });
    return registry;
  }
}
