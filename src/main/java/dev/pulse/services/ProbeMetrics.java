package dev.pulse.services;

/** {@code GET /discovery/metrics}: live services and instances, probes run and probes failed. */
public record ProbeMetrics(long services, long instances, long healthChecks, long failures) {
}
