package dev.pulse.streams;

import dev.pulse.Expired;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Leases in plain maps owned by the stream-limit verticle's event loop (the only thread that calls
 * this), so admission needs no lock. Every lease also sits in {@link #byExpiry}: with one lease
 * length for all and a clock that never goes back, renewing moves a lease to the tail, so the
 * head holds the first to expire and a sweep stops at the first active one.
 */
public final class MemoryStreamStore implements StreamStore {

  private final Clock clock;
  private final long leaseMs;
  private final int defaultLimit;
  private final Map<String, User> users = new HashMap<>();
  private final LinkedHashSet<Entry> byExpiry = new LinkedHashSet<>();

  /** Leases held now, expired-but-unswept ones included (the sweep runs every second). */
  public int activeLeases() {
    return byExpiry.size();
  }
  private long lastNow;

  public MemoryStreamStore(Clock clock, long leaseMs, int defaultLimit) {
    this.clock = clock;
    this.leaseMs = leaseMs;
    this.defaultLimit = defaultLimit;
  }

  private static final class User {
    final LinkedHashMap<String, Entry> leases = new LinkedHashMap<>();
    Integer limit;
  }

  /** Mutable lease; compared by identity, which is what {@link #byExpiry} needs. */
  private static final class Entry {
    Lease lease;

    Entry(Lease lease) {
      this.lease = lease;
    }
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Admission> acquire(String userId, String streamId, String contentId, String deviceId) {
    long now = now();
    User user = users.computeIfAbsent(userId, id -> new User());
    List<Lease> expired = dropExpired(user, now);
    int limit = limitOf(user);
    Entry entry = user.leases.get(streamId);
    Admission.Outcome outcome;
    if (entry != null) {
      entry.lease = entry.lease.renewedUntil(now + leaseMs);
      byExpiry.remove(entry);
      byExpiry.add(entry);
      outcome = Admission.Outcome.RENEWED;
    } else if (user.leases.size() >= limit) {
      outcome = Admission.Outcome.REFUSED;
    } else {
      entry = new Entry(new Lease(userId, streamId, contentId, deviceId, now, now + leaseMs));
      user.leases.put(streamId, entry);
      byExpiry.add(entry);
      outcome = Admission.Outcome.ADMITTED;
    }
    int active = user.leases.size();
    List<Lease> holders = outcome == Admission.Outcome.REFUSED ? active(user, now) : List.of();
    forgetIfIdle(userId, user);
    return Future.succeededFuture(new Admission(outcome, entry == null ? null : entry.lease, limit, active,
        holders, expired, false));
  }

  @Override
  public Future<Lease> renew(String userId, String streamId) {
    long now = now();
    Entry entry = activeEntry(userId, streamId, now);
    if (entry == null) {
      return Future.succeededFuture(null);
    }
    entry.lease = entry.lease.renewedUntil(now + leaseMs);
    byExpiry.remove(entry);
    byExpiry.add(entry);
    return Future.succeededFuture(entry.lease);
  }

  @Override
  public Future<Boolean> release(String userId, String streamId) {
    Entry entry = activeEntry(userId, streamId, now());
    if (entry == null) {
      return Future.succeededFuture(false);
    }
    User user = users.get(userId);
    user.leases.remove(streamId);
    byExpiry.remove(entry);
    forgetIfIdle(userId, user);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<UserStreams> streams(String userId) {
    User user = users.get(userId);
    if (user == null) {
      return Future.succeededFuture(new UserStreams(userId, defaultLimit, 0, List.of()));
    }
    List<Lease> active = active(user, now());
    return Future.succeededFuture(new UserStreams(userId, limitOf(user), active.size(), active));
  }

  @Override
  public Future<StreamLimit> limit(String userId) {
    User user = users.get(userId);
    boolean custom = user != null && user.limit != null;
    return Future.succeededFuture(new StreamLimit(userId, custom ? user.limit : defaultLimit, custom));
  }

  @Override
  public Future<StreamLimit> setLimit(String userId, Integer limit) {
    User user = users.computeIfAbsent(userId, id -> new User());
    user.limit = limit;
    forgetIfIdle(userId, user);
    return limit(userId);
  }

  @Override
  public Future<Expired<Lease>> expire(int max) {
    long now = now();
    List<Lease> expired = new ArrayList<>();
    Iterator<Entry> first = byExpiry.iterator();
    while (first.hasNext()) {
      Entry entry = first.next();
      if (entry.lease.expiresAt() > now) {
        break;
      }
      if (expired.size() == max) {
        return Future.succeededFuture(new Expired<>(expired, true));
      }
      first.remove();
      User user = users.get(entry.lease.userId());
      user.leases.remove(entry.lease.streamId());
      forgetIfIdle(entry.lease.userId(), user);
      expired.add(entry.lease);
    }
    return Future.succeededFuture(new Expired<>(expired, false));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private Entry activeEntry(String userId, String streamId, long now) {
    User user = users.get(userId);
    Entry entry = user == null ? null : user.leases.get(streamId);
    return entry != null && entry.lease.expiresAt() > now ? entry : null;
  }

  private List<Lease> dropExpired(User user, long now) {
    List<Lease> expired = new ArrayList<>(0);
    Iterator<Entry> leases = user.leases.values().iterator();
    while (leases.hasNext()) {
      Entry entry = leases.next();
      if (entry.lease.expiresAt() <= now) {
        leases.remove();
        byExpiry.remove(entry);
        expired.add(entry.lease);
      }
    }
    return expired;
  }

  /** Active leases, oldest first (insertion order of the user's map is start order). */
  private static List<Lease> active(User user, long now) {
    List<Lease> active = new ArrayList<>(user.leases.size());
    for (Entry entry : user.leases.values()) {
      if (entry.lease.expiresAt() > now) {
        active.add(entry.lease);
      }
    }
    return active;
  }

  private int limitOf(User user) {
    return user.limit != null ? user.limit : defaultLimit;
  }

  private void forgetIfIdle(String userId, User user) {
    if (user.leases.isEmpty() && user.limit == null) {
      users.remove(userId);
    }
  }

  /** The clock, never going backwards, so that {@link #byExpiry} stays ordered. */
  private long now() {
    lastNow = Math.max(lastNow, clock.millis());
    return lastNow;
  }
}
