package dev.pulse.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A node's copy of the services that lookups read, each with its instances' metadata parsed once.
 * Used from one event loop only.
 *
 * <p>An entry is dropped on every change notice ({@link #invalidate}); a load that was under way
 * when its service changed is handed to the callers that were waiting but not kept. An entry also
 * lapses on its own: at the latest {@link #MAX_AGE_MS} after it was loaded (a bound on staleness
 * should a change notice be lost), and when the first of its heartbeat instances would expire
 * (renewals send no notice, so the entry is read again with their new heartbeat times).
 */
final class ServiceCache {

  /** Beyond this many services, the cache starts over rather than grow without bound. */
  static final int MAX_ENTRIES = 10_000;
  /** The longest an entry is served without being read again, whatever notices arrive. */
  static final long MAX_AGE_MS = 10_000;

  /** Exact numbers, as the HTTP edge reads them, so that {@code meta.x=1.50} compares with what was sent. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  /**
   * A cached service ({@code service} null when it does not exist), its instances' metadata, and
   * the time (epoch ms) from which it must be read again.
   */
  record Entry(Service service, List<JsonNode> metadata, long validUntil) {

    List<ServiceInstance> matching(InstanceFilter filter) {
      List<ServiceInstance> found = new ArrayList<>();
      if (service != null) {
        for (int i = 0; i < service.instances().size(); i++) {
          if (filter.matches(service.instances().get(i), metadata.get(i))) {
            found.add(service.instances().get(i));
          }
        }
      }
      return found;
    }
  }

  private final Function<String, Future<Service>> loader;
  private final LongSupplier clock;
  private final long heartbeatTtlMs;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, Future<Entry>> loading = new HashMap<>();
  private boolean bypassed;

  ServiceCache(Function<String, Future<Service>> loader, LongSupplier clock, long heartbeatTtlMs) {
    this.loader = loader;
    this.clock = clock;
    this.heartbeatTtlMs = heartbeatTtlMs;
  }

  Future<Entry> get(String name) {
    if (bypassed) {
      return loader.apply(name).map(this::entry);
    }
    Entry cached = entries.get(name);
    if (cached != null && clock.getAsLong() < cached.validUntil()) {
      return Future.succeededFuture(cached);
    }
    Future<Entry> pending = loading.get(name);
    if (pending != null) {
      return pending;
    }
    Future<Entry> load = loader.apply(name).map(this::entry);
    loading.put(name, load);
    return load.onComplete(done -> {
      // Only a load that no notice overtook (invalidate removes it from loading) is kept.
      if (loading.get(name) == load) {
        loading.remove(name);
        if (done.succeeded()) {
          if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
          }
          entries.put(name, done.result());
        }
      }
    });
  }

  /** Drops {@code name} (null: every service). */
  void invalidate(String name) {
    if (name == null) {
      entries.clear();
      loading.clear();
    } else {
      entries.remove(name);
      loading.remove(name);
    }
  }

  /**
   * While change notices cannot arrive (the node's subscription is down), every lookup reads the
   * store; the cache starts empty when they can again.
   */
  void bypass(boolean bypass) {
    bypassed = bypass;
    invalidate(null);
  }

  private Entry entry(Service service) {
    long validUntil = clock.getAsLong() + MAX_AGE_MS;
    if (service == null) {
      return new Entry(null, List.of(), validUntil);
    }
    List<JsonNode> metadata = new ArrayList<>(service.instances().size());
    for (ServiceInstance instance : service.instances()) {
      if (instance.heartbeat()) {
        validUntil = Math.min(validUntil, instance.lastCheck() + heartbeatTtlMs);
      }
      try {
        metadata.add(MAPPER.readTree(instance.metadata()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("stored metadata of " + instance.id() + " is not JSON", e);
      }
    }
    return new Entry(service, metadata, validUntil);
  }
}
