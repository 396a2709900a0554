package dev.pulse.services;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One endpoint of a service. {@code revision} counts changes to what was registered (address,
 * version, metadata, check), not health results. {@code metadata} is compact JSON object text.
 * The probe counters are kept for {@code GET /services/:name/health} ({@link #health()}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "service", "address", "version", "metadata", "status", "lastCheck", "revision",
    "healthCheck"})
public record ServiceInstance(String id, String service, String address, String version,
    @JsonRawValue String metadata, String status, Long lastCheck, long revision, HealthCheck healthCheck,
    @JsonIgnore int consecutiveFailures, @JsonIgnore int consecutivePasses, @JsonIgnore String lastError,
    @JsonIgnore Long latencyMs, @JsonIgnore long order) {

  public InstanceHealth health() {
    return new InstanceHealth(id, address, status, lastCheck, consecutiveFailures, lastError, latencyMs);
  }

  /** The body of {@code GET /services/:name/health}, one per instance. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record InstanceHealth(String id, String address, String status, Long lastCheck, int consecutiveFailures,
      String lastError, Long latencyMs) {
  }
}
