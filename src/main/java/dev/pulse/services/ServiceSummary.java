package dev.pulse.services;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A line of {@code GET /services}: the service's instance counts by status, overall and per
 * version.
 */
public record ServiceSummary(String name, long revision, int instances, Map<String, Integer> status,
    Map<String, Map<String, Integer>> versions) {

  public static ServiceSummary of(Service service) {
    Map<String, Integer> status = emptyCounts();
    Map<String, Map<String, Integer>> versions = new TreeMap<>();
    for (ServiceInstance instance : service.instances()) {
      status.merge(instance.status(), 1, Integer::sum);
      versions.computeIfAbsent(instance.version(), v -> emptyCounts()).merge(instance.status(), 1, Integer::sum);
    }
    return new ServiceSummary(service.name(), service.revision(), service.instances().size(), status, versions);
  }

  private static Map<String, Integer> emptyCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    InstanceStatus.ALL.forEach(status -> counts.put(status, 0));
    return counts;
  }
}
