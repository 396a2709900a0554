package dev.pulse.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Prometheus registry of a Pulse process. {@link #newVertx()} builds the Vert.x instance with
 * Vert.x's own metrics (HTTP server by route template, method and status with latency histograms;
 * event bus by address; HTTP and Redis clients) in that registry; the domain verticles add their
 * counters and gauges to the same registry through {@link #registry(Vertx)}. A Vert.x built
 * elsewhere (as the tests' usually are) gets a registry with the domain figures only.
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

  public static Vertx newVertx() {
    PrometheusMeterRegistry registry = newRegistry();
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        // No HTTP_PATH: raw paths carry ids. No HTTP_METHOD: a client may send any token as a method,
        // and the route template already names the method. Every label stays bounded.
        .setLabels(java.util.EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_CODE, Label.EB_ADDRESS, Label.EB_SIDE,
            Label.EB_FAILURE, Label.NAMESPACE, Label.POOL_TYPE, Label.POOL_NAME));
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    REGISTRIES.put(vertx, registry);
    return vertx;
  }

  /** The registry of {@code vertx}'s process: the one {@link #newVertx()} made, or a new one. */
  public static PrometheusMeterRegistry registry(Vertx vertx) {
    return REGISTRIES.computeIfAbsent(vertx, v -> newRegistry());
  }

  /** A registry where only HTTP server latency is a histogram, with {@link #LATENCY_BUCKETS_SECONDS}. */
  private static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().equals("vertx.http.server.response.time")) {
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
