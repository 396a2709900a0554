package dev.pulse.services;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One instance of a service. {@code revision} counts changes to what was registered (address,
 * version, metadata, check), not health results. {@code metadata} is compact JSON object text.
 * The probe counters are kept for {@code GET /services/:name/health} ({@link #health()}).
 *
 * <p>An instance that {@code heartbeat}s into the group of the service's name is one too (the
 * registry is one, with two APIs): healthy while its TTL runs, {@code lastCheck} its last
 * heartbeat, {@code address} and {@code version} taken from its meta, revision 0.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "service", "address", "version", "metadata", "status", "check", "lastCheck", "revision",
    "healthCheck"})
public record ServiceInstance(String id, String service, String address, String version,
    @JsonRawValue String metadata, String status, Long lastCheck, long revision, HealthCheck healthCheck,
    @JsonIgnore int consecutiveFailures, @JsonIgnore int consecutivePasses, @JsonIgnore String lastError,
    @JsonIgnore Long latencyMs, @JsonIgnore long order, @JsonIgnore boolean heartbeat) {

  public static final String CHECK_HTTP = "http";
  public static final String CHECK_TTL = "ttl";
  public static final String CHECK_NONE = "none";

  /** What keeps the instance's status: an HTTP check, heartbeats (TTL), or nothing. */
  @com.fasterxml.jackson.annotation.JsonProperty("check")
  public String check() {
    return heartbeat ? CHECK_TTL : healthCheck != null ? CHECK_HTTP : CHECK_NONE;
  }

  /** A newly registered instance of {@code definition} at {@code address}: health not yet known. */
  static ServiceInstance registered(String id, ServiceDefinition definition, String address, long revision,
      long order) {
    return new ServiceInstance(id, definition.name(), address, definition.version(), definition.metadata(),
        InstanceStatus.initial(definition.healthCheck()), null, revision, definition.healthCheck(), 0, 0, null, null,
        order, false);
  }

  /**
   * This instance registered again by {@code definition}: itself when nothing differs, otherwise the
   * next revision; adding or removing the check starts its health over, changing the check keeps it.
   */
  ServiceInstance redefinedBy(ServiceDefinition definition) {
    if (version.equals(definition.version()) && metadata.equals(definition.metadata())
        && java.util.Objects.equals(healthCheck, definition.healthCheck())) {
      return this;
    }
    if ((healthCheck == null) != (definition.healthCheck() == null)) {
      return registered(id, definition, address, revision + 1, order);
    }
    return new ServiceInstance(id, service, address, definition.version(), definition.metadata(), status, lastCheck,
        revision + 1, definition.healthCheck(), consecutiveFailures, consecutivePasses, lastError, latencyMs, order,
        false);
  }

  /** This instance after {@code result}, with the status and counters {@link HealthRule} gave. */
  ServiceInstance probed(ProbeResult result, String newStatus, int failures, int passes) {
    return new ServiceInstance(id, service, address, version, metadata, newStatus, result.at(), revision, healthCheck,
        failures, passes, result.passed() ? null : result.error(), result.latencyMs(), order, false);
  }

  public InstanceHealth health() {
    return new InstanceHealth(id, address, status, lastCheck, consecutiveFailures, lastError, latencyMs);
  }

  /** The body of {@code GET /services/:name/health}, one per instance. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record InstanceHealth(String id, String address, String status, Long lastCheck, int consecutiveFailures,
      String lastError, Long latencyMs) {
  }
}
