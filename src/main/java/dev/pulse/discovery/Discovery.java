package dev.pulse.discovery;

import java.util.List;

/** Request bodies of the discovery verticle, and the types it publishes on the event bus. */
public final class Discovery {

  /** Register or renew {@code group/id}; {@code meta} is compact JSON, or null to keep the stored meta. */
  public record Heartbeat(String group, String id, String meta) {
  }

  public record InstanceKey(String group, String id) {
  }

  /** Groups after the sort key {@code after} (null = from the start), at most {@code limit} (0 = all). */
  public record GroupsQuery(String after, int limit) {
  }

  /** Live instances of {@code group} after the order key {@code after}, at most {@code limit} (0 = all). */
  public record InstancesQuery(String group, String after, int limit) {
  }

  /** The latest state of each instance that heartbeated in the last coalescing period. */
  public record Heartbeats(List<Instance> instances) {
  }

  /** The types this domain publishes on the event bus, passed by reference. */
  public static final List<Class<?>> EVENT_TYPES = List.of(
      Heartbeats.class, Instance.class, InstanceKey.class, StatusChange.class);

  private Discovery() {
  }
}
