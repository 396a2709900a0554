package dev.pulse.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /alerts/stats}: counts by derived status, and time to acknowledge / resolve. */
public record AlertStats(long total, Map<String, Long> byStatus, Durations timeToAcknowledge,
    Durations timeToResolve) {

  /** Count, min, mean and max of durations in ms; min, mean and max are null when count is 0. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Durations(long count, Long minMs, Double meanMs, Long maxMs) {

    static Durations of(long count, long sum, Long min, Long max) {
      return count == 0 ? new Durations(0, null, null, null)
          : new Durations(count, min, (double) sum / count, max);
    }

    static Durations sum(List<Durations> parts) {
      long count = 0;
      double sum = 0;
      Long min = null;
      Long max = null;
      for (Durations part : parts) {
        if (part.count() > 0) {
          count += part.count();
          sum += part.meanMs() * part.count();
          min = min == null ? part.minMs() : Math.min(min, part.minMs());
          max = max == null ? part.maxMs() : Math.max(max, part.maxMs());
        }
      }
      return count == 0 ? new Durations(0, null, null, null) : new Durations(count, min, sum / count, max);
    }
  }

  /** The statistics of disjoint groups taken together. */
  static AlertStats sum(List<AlertStats> parts) {
    long[] byStatus = new long[AlertStatus.values().length];
    long total = 0;
    for (AlertStats part : parts) {
      total += part.total();
      for (AlertStatus status : AlertStatus.values()) {
        byStatus[status.ordinal()] += part.byStatus().get(status.name());
      }
    }
    return new AlertStats(total, byStatus(byStatus[0], byStatus[1], byStatus[2]),
        Durations.sum(parts.stream().map(AlertStats::timeToAcknowledge).toList()),
        Durations.sum(parts.stream().map(AlertStats::timeToResolve).toList()));
  }

  static Map<String, Long> byStatus(long triggered, long acknowledged, long resolved) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    byStatus.put(AlertStatus.TRIGGERED.name(), triggered);
    byStatus.put(AlertStatus.ACKNOWLEDGED.name(), acknowledged);
    byStatus.put(AlertStatus.RESOLVED.name(), resolved);
    return byStatus;
  }

  /**
   * Running statistics of one group of alerts: counts by status and a multiset of durations, so
   * that an alert can be taken out again when it changes. Used by the memory store for its
   * aggregates and by both stores to summarise a scanned subset.
   */
  public static final class Accumulator {
    private final long[] byStatus = new long[AlertStatus.values().length];
    private final DurationSet toAcknowledge = new DurationSet();
    private final DurationSet toResolve = new DurationSet();

    public void add(Alert alert) {
      apply(alert, 1);
    }

    public void remove(Alert alert) {
      apply(alert, -1);
    }

    public boolean isEmpty() {
      long total = 0;
      for (long count : byStatus) {
        total += count;
      }
      return total == 0;
    }

    private void apply(Alert alert, int sign) {
      byStatus[alert.status().ordinal()] += sign;
      toAcknowledge.apply(alert.timeToAcknowledgeMs(), sign);
      toResolve.apply(alert.timeToResolveMs(), sign);
    }

    public AlertStats stats() {
      long total = byStatus[0] + byStatus[1] + byStatus[2];
      return new AlertStats(total, AlertStats.byStatus(byStatus[0], byStatus[1], byStatus[2]),
          toAcknowledge.durations(), toResolve.durations());
    }
  }

  private static final class DurationSet {
    private final TreeMap<Long, Integer> values = new TreeMap<>();
    private long count;
    private long sum;

    void apply(Long value, int sign) {
      if (value == null) {
        return;
      }
      count += sign;
      sum += sign * value;
      values.merge(value, sign, Integer::sum);
      if (values.get(value) == 0) {
        values.remove(value);
      }
    }

    Durations durations() {
      return Durations.of(count, sum, values.isEmpty() ? null : values.firstKey(),
          values.isEmpty() ? null : values.lastKey());
    }
  }
}
