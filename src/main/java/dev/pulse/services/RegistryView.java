package dev.pulse.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.discovery.Instance;
import java.util.ArrayList;
import java.util.List;

/**
 * One registry, two APIs: a service as lookups see it is its registered instances followed by the
 * live instances heartbeating into the group of the same name. A heartbeat instance is healthy
 * (its TTL runs), its last heartbeat is its {@code lastCheck}, and its meta's {@code address} and
 * {@code version} strings, when present, are its address and version.
 */
final class RegistryView {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RegistryView() {
  }

  /** The service {@code name}, or null when neither API has an instance of it. */
  static Service merge(String name, Service registered, List<Instance> heartbeating) {
    if (heartbeating.isEmpty()) {
      return registered;
    }
    List<ServiceInstance> all = new ArrayList<>(registered == null ? List.of() : registered.instances());
    for (Instance instance : heartbeating) {
      all.add(fromHeartbeat(name, instance));
    }
    return new Service(name, registered == null ? 0 : registered.revision(), List.copyOf(all));
  }

  static ServiceInstance fromHeartbeat(String name, Instance instance) {
    JsonNode meta;
    try {
      meta = MAPPER.readTree(instance.meta());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored meta of " + name + "/" + instance.id() + " is not JSON", e);
    }
    return new ServiceInstance(instance.id(), name, text(meta, "address"), text(meta, "version"), instance.meta(),
        InstanceStatus.HEALTHY, instance.updatedAt(), 0, null, 0, 0, null, null, instance.createdAt(), true);
  }

  private static String text(JsonNode meta, String field) {
    JsonNode value = meta.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
