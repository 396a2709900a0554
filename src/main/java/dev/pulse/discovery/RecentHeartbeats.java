package dev.pulse.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces heartbeats: keeps the latest state of each instance that heartbeated since the last
 * {@link #drain}, so that whoever drains once a second sends at most one update per instance per
 * second however often it beats. Confined to its owner's event loop.
 */
public final class RecentHeartbeats {

  private Map<String, Map<String, Instance>> byGroup = new HashMap<>();
  private int size;

  public void add(Instance instance) {
    if (byGroup.computeIfAbsent(instance.group(), group -> new HashMap<>()).put(instance.id(), instance) == null) {
      size++;
    }
  }

  /** Forgets an instance that left, so that a late heartbeat update does not bring it back. */
  public void remove(String group, String id) {
    Map<String, Instance> instances = byGroup.get(group);
    if (instances != null && instances.remove(id) != null) {
      size--;
    }
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The instances collected since the last drain, latest state of each, and starts over. */
  public List<Instance> drain() {
    List<Instance> drained = new ArrayList<>(size);
    byGroup.values().forEach(instances -> drained.addAll(instances.values()));
    byGroup = new HashMap<>();
    size = 0;
    return drained;
  }
}
