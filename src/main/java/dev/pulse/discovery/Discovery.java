package dev.pulse.discovery;

import java.util.List;

/** Request bodies sent to the discovery verticle over the event bus. */
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

  /** Message types passed by reference over the local event bus (see {@link dev.pulse.LocalCodec}). */
  /** The latest state of each instance that heartbeated in the last coalescing period. */
  public record Heartbeats(List<Instance> instances) {
  }

  public static final List<Class<?>> MESSAGE_TYPES = List.of(
      Heartbeat.class, Heartbeats.class, InstanceKey.class, GroupsQuery.class, InstancesQuery.class,
      HeartbeatResult.class, Instance.class, StatusChange.class);

  private Discovery() {
  }
}
