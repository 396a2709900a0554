package dev.pulse.discovery;

import dev.pulse.Expired;
import dev.pulse.Page;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded registry: plain maps owned by the discovery verticle's event loop, which is the
 * only thread that calls it, so no method locks anything.
 *
 * <p>Besides the per-group maps, every entry sits in one list ordered by last heartbeat, linked
 * through the entries themselves (a heartbeat moves its entry to the tail: two pointer updates, no
 * hashing and no allocation, which a {@code LinkedHashSet} cost a sixth of the heartbeat path's
 * CPU). With one TTL for all, the stalest entries are at the head, so a sweep stops at the first
 * live one: O(expired), whatever the registry's size.
 */
public final class MemoryRegistryStore implements RegistryStore {

  private static final Comparator<Instance> OLDEST_FIRST =
      Comparator.comparingLong(Instance::createdAt).thenComparing(Instance::id);

  private final Clock clock;
  private final long ttlMs;
  private final Map<String, Map<String, Entry>> groups = new HashMap<>();
  /** The stalest entry (head of the last-heartbeat list) and the freshest (its tail). */
  private Entry stalest;
  private Entry freshest;
  private long lastNow;

  public MemoryRegistryStore(Clock clock, long ttlMs) {
    this.clock = clock;
    this.ttlMs = ttlMs;
  }

  /** Mutable registry entry, and a link of the last-heartbeat list. */
  private static final class Entry {
    final String group;
    final String id;
    long createdAt;
    long updatedAt;
    /** Store time of the last heartbeat: never ahead of the clock, unlike a bumped updatedAt. */
    long lastBeat;
    String meta;
    Entry older;
    Entry newer;

    Entry(String group, String id) {
      this.group = group;
      this.id = id;
    }

    Instance toInstance() {
      return new Instance(id, group, createdAt, updatedAt, meta);
    }
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public Future<HeartbeatResult> heartbeat(String group, String id, String meta) {
    long now = now();
    Map<String, Entry> members = groups.computeIfAbsent(group, g -> new HashMap<>());
    Entry entry = members.get(id);
    Instance replacedExpired = null;
    boolean created;
    if (entry != null && isLive(entry, now)) {
      created = false;
      entry.updatedAt = Math.max(now, entry.updatedAt + 1);
      unlink(entry);
    } else {
      if (entry != null) {
        replacedExpired = entry.toInstance();
        unlink(entry);
      }
      entry = new Entry(group, id);
      entry.createdAt = now;
      entry.updatedAt = now;
      entry.meta = Instance.NO_META;
      members.put(id, entry);
      created = true;
    }
    if (meta != null) {
      entry.meta = meta;
    }
    entry.lastBeat = now;
    append(entry);
    return Future.succeededFuture(new HeartbeatResult(entry.toInstance(), created, replacedExpired));
  }

  @Override
  public Future<Boolean> deregister(String group, String id) {
    Map<String, Entry> members = groups.get(group);
    Entry entry = members == null ? null : members.get(id);
    if (entry == null || !isLive(entry, now())) {
      // An expired entry stays for the sweep, which announces its expiry.
      return Future.succeededFuture(false);
    }
    remove(entry);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Instance> instance(String group, String id) {
    Map<String, Entry> members = groups.get(group);
    Entry entry = members == null ? null : members.get(id);
    return Future.succeededFuture(entry != null && isLive(entry, now()) ? entry.toInstance() : null);
  }

  @Override
  public Future<Page<GroupSummary>> groups(String after, int limit) {
    long now = now();
    List<GroupSummary> summaries = new ArrayList<>();
    groups.forEach((group, members) -> {
      int count = 0;
      long createdAt = Long.MAX_VALUE;
      long lastUpdatedAt = Long.MIN_VALUE;
      for (Entry entry : members.values()) {
        if (isLive(entry, now)) {
          count++;
          createdAt = Math.min(createdAt, entry.createdAt);
          lastUpdatedAt = Math.max(lastUpdatedAt, entry.updatedAt);
        }
      }
      if (count > 0) {
        summaries.add(new GroupSummary(group, count, createdAt, lastUpdatedAt));
      }
    });
    summaries.sort(Comparator.comparing(GroupSummary::group));
    return Future.succeededFuture(Page.slice(summaries, GroupSummary::group, after, limit));
  }

  @Override
  public Future<Page<Instance>> instances(String group, String after, int limit) {
    Map<String, Entry> members = groups.get(group);
    if (members == null) {
      return Future.succeededFuture(Page.all(List.of()));
    }
    long now = now();
    List<Instance> live = new ArrayList<>(members.size());
    for (Entry entry : members.values()) {
      if (isLive(entry, now)) {
        live.add(entry.toInstance());
      }
    }
    live.sort(OLDEST_FIRST);
    return Future.succeededFuture(Page.slice(live, Instance::orderKey, after, limit));
  }

  /**
   * Walks from the stalest heartbeat while heartbeats are older than the TTL. An entry whose
   * {@code updatedAt} was pushed ahead of the clock (several heartbeats in one millisecond) may
   * still be live there: it is stepped over, not a reason to stop.
   */
  @Override
  public Future<Expired<Instance>> expire(int max) {
    long now = now();
    List<Instance> expired = new ArrayList<>();
    Entry next;
    for (Entry entry = stalest; entry != null && entry.lastBeat <= now - ttlMs; entry = next) {
      next = entry.newer;
      if (!isLive(entry, now)) {
        if (expired.size() == max) {
          return Future.succeededFuture(new Expired<>(expired, true));
        }
        remove(entry);
        expired.add(entry.toInstance());
      }
    }
    return Future.succeededFuture(new Expired<>(expired, false));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private boolean isLive(Entry entry, long now) {
    return entry.updatedAt > now - ttlMs;
  }

  private void remove(Entry entry) {
    unlink(entry);
    removeFromGroup(entry);
  }

  private void unlink(Entry entry) {
    if (entry.older == null) {
      stalest = entry.newer;
    } else {
      entry.older.newer = entry.newer;
    }
    if (entry.newer == null) {
      freshest = entry.older;
    } else {
      entry.newer.older = entry.older;
    }
    entry.older = null;
    entry.newer = null;
  }

  private void append(Entry entry) {
    entry.older = freshest;
    if (freshest == null) {
      stalest = entry;
    } else {
      freshest.newer = entry;
    }
    freshest = entry;
  }

  private void removeFromGroup(Entry entry) {
    Map<String, Entry> members = groups.get(entry.group);
    members.remove(entry.id);
    if (members.isEmpty()) {
      groups.remove(entry.group);
    }
  }

  /** The clock, never going backwards, so that the last-heartbeat list stays ordered by heartbeat time. */
  private long now() {
    lastNow = Math.max(lastNow, clock.millis());
    return lastNow;
  }
}
