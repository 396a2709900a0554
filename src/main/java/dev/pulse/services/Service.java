package dev.pulse.services;

import java.util.List;
import java.util.TreeSet;

/**
 * A registered service: its instances in registration order. {@code revision} increases on every
 * change a deployer makes (an instance added, changed or removed); {@code If-Match} compares it.
 */
public record Service(String name, long revision, List<ServiceInstance> instances) {

  /** The versions its instances run, sorted (heartbeat instances without a version in their meta add none). */
  public List<String> versions() {
    return List.copyOf(new TreeSet<>(instances.stream().map(ServiceInstance::version)
        .filter(java.util.Objects::nonNull).toList()));
  }

  public ServiceInstance instance(String id) {
    return instances.stream().filter(instance -> instance.id().equals(id)).findFirst().orElse(null);
  }
}
