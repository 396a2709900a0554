package dev.pulse.services;

/** The health statuses of a service instance, as they appear in JSON. */
public final class InstanceStatus {

  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";
  /** A checked instance before its first probe result. */
  public static final String UNKNOWN = "unknown";

  public static final java.util.List<String> ALL = java.util.List.of(HEALTHY, UNHEALTHY, UNKNOWN);

  /** The status a new instance starts in: unknown until probed, healthy when nothing probes it. */
  public static String initial(HealthCheck check) {
    return check == null ? HEALTHY : UNKNOWN;
  }

  private InstanceStatus() {
  }
}
