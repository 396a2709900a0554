package dev.pulse.services;

import java.util.List;

/**
 * What a deployer posts to {@code POST /services}, validated: one instance per endpoint, all of
 * {@code version}. {@code metadata} is compact JSON object text; {@code healthCheck} may be null
 * (the instances are then healthy as long as they are registered).
 */
public record ServiceDefinition(String name, String version, List<String> endpoints, String metadata,
    HealthCheck healthCheck) {

  /** {@link HealthCheck#encode()} of the check, {@code ""} for none. */
  public String encodedCheck() {
    return healthCheck == null ? "" : healthCheck.encode();
  }
}
