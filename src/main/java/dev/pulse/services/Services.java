package dev.pulse.services;

import java.util.List;

/** Request and reply bodies of the service registry, and the types it publishes on the event bus. */
public final class Services {

  /** {@code ifMatch} null: no precondition. */
  public record Register(ServiceDefinition definition, Long ifMatch) {
  }

  public record ServiceName(String name) {
  }

  /** Service summaries in name order after {@code after}, at most {@code limit}. */
  public record ServicesQuery(String after, int limit) {
  }

  public record RemoveService(String name, Long ifMatch) {
  }

  public record RemoveInstance(String name, String id, Long ifMatch) {
  }

  /** Instances of {@code name} passing {@code filter}, from the node's cache. */
  public record Lookup(String name, InstanceFilter filter) {
  }

  /** One healthy instance passing {@code filter}, chosen by {@code strategy}. */
  public record Resolve(String name, InstanceFilter filter, Strategy strategy) {
  }

  public enum Strategy { ROUND_ROBIN, RANDOM }

  public record Instances(List<ServiceInstance> instances) {
  }

  /** What a node needs to probe one instance. */
  public record ProbeTarget(String service, String id, String address, HealthCheck check) {

    public String key() {
      return service + "/" + id;
    }
  }

  /** The probe targets of service {@code name}, or of every service when {@code name} is null. */
  public record ProbeTargetsQuery(String name) {
  }

  public record ProbeTargets(List<ProbeTarget> targets) {
  }

  public record Claim(String name, String id, String node, long leaseMs) {
  }

  public record RecordProbe(String name, String id, ProbeResult result) {
  }

  /**
   * Published on this node's event bus when service {@code name} changed on any node ({@code null}:
   * any service may have, e.g. after the change feed reconnected). {@code definition} is false when
   * only health results changed.
   */
  public record ServiceChanged(String name, boolean definition) {
  }

  /** The types this domain publishes on the event bus, passed by reference. */
  public static final List<Class<?>> EVENT_TYPES = List.of(ServiceChanged.class);

  private Services() {
  }
}
