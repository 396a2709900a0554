package dev.pulse.discovery;

/**
 * Published on {@code discovery.status-changed} when an instance's health status changes
 * ({@code unknown}, {@code healthy}, {@code unhealthy}), with the reason (last error, latency).
 */
public record StatusChange(String group, String instanceId, String oldStatus, String newStatus, String reason) {

  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";
}
