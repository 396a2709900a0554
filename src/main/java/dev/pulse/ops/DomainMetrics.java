package dev.pulse.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/**
 * The domain figures a verticle publishes at {@code GET /metrics}: counters it moves as it works,
 * and gauges it refreshes on a timer from its store. Labels take values from fixed sets (outcomes,
 * statuses, types), except a group label, whose values are capped ({@link #MAX_LABEL_VALUES}).
 */
public final class DomainMetrics {

  /** At most this many values of an open-ended label (e.g. group names) are published. */
  public static final int MAX_LABEL_VALUES = 100;
  /** How often gauges read from a store are refreshed. */
  public static final long GAUGE_REFRESH_MS = 10_000;

  private final MeterRegistry registry;

  public DomainMetrics(Vertx vertx) {
    this.registry = PulseMetrics.registry(vertx);
  }

  public Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  /**
   * One counter per constant of {@code type}, labelled {@code tag} = the constant's lower-case name,
   * registered once so that counting on a hot path is a map read and an add.
   */
  public <E extends Enum<E>> Map<E, Counter> counters(String name, String description, String tag, Class<E> type) {
    Map<E, Counter> counters = new java.util.EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      counters.put(constant, counter(name, description, tag, constant.name().toLowerCase(java.util.Locale.ROOT)));
    }
    return counters;
  }

  /** A gauge reading {@code value} whenever it is scraped (the supplier must be safe to call from any thread). */
  public void gauge(String name, String description, java.util.function.Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(name, value).description(description).register(registry);
  }

  /** A gauge with one series per label value, replaced as a whole on each {@link MultiGauge#register}. */
  public MultiGauge gauges(String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  /** Rows for {@link MultiGauge#register(Iterable, boolean)}: label {@code tag} = key, value = count. */
  public static List<MultiGauge.Row<?>> rows(String tag, Map<String, ? extends Number> values) {
    return values.entrySet().stream().limit(MAX_LABEL_VALUES)
        .<MultiGauge.Row<?>>map(entry -> MultiGauge.Row.of(Tags.of(tag, entry.getKey()), entry.getValue()))
        .toList();
  }
}
