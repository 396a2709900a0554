package dev.pulse.services;

/**
 * How probe results move an instance's status (the Redis script {@code services_probe.lua} applies
 * the same rule): the first pass makes an unknown instance healthy; {@code threshold} consecutive
 * failures make it unhealthy; {@code threshold} consecutive passes make an unhealthy one healthy.
 */
final class HealthRule {

  private HealthRule() {
  }

  static String next(String status, boolean passed, int consecutive, int threshold) {
    if (passed) {
      return status.equals(InstanceStatus.UNKNOWN) || consecutive >= threshold ? InstanceStatus.HEALTHY : status;
    }
    return consecutive >= threshold ? InstanceStatus.UNHEALTHY : status;
  }
}
