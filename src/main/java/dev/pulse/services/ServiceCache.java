package dev.pulse.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A node's copy of the services that lookups read, each with its instances' metadata parsed once.
 * Used from one event loop only. An entry is dropped on every change ({@link #invalidate}); a load
 * that was under way when its service changed is handed to the callers that were waiting but not
 * kept, so the next lookup reads the service anew.
 */
final class ServiceCache {

  /** Beyond this many services, the cache starts over rather than grow without bound. */
  static final int MAX_ENTRIES = 10_000;
  /** Exact numbers, as the HTTP edge reads them, so that {@code meta.x=1.50} compares with what was sent. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  /** A cached service ({@code service} null when it does not exist) and its instances' metadata. */
  record Entry(Service service, List<JsonNode> metadata) {

    /**
     * The instances passing {@code filter}, leaving out heartbeat instances whose last heartbeat is
     * at or before {@code heartbeatCutoff} (expired since the entry was loaded, not yet swept).
     */
    List<ServiceInstance> matching(InstanceFilter filter, long heartbeatCutoff) {
      List<ServiceInstance> found = new ArrayList<>();
      if (service != null) {
        for (int i = 0; i < service.instances().size(); i++) {
          ServiceInstance instance = service.instances().get(i);
          if (instance.heartbeat() && instance.lastCheck() <= heartbeatCutoff) {
            continue;
          }
          if (filter.matches(instance, metadata.get(i))) {
            found.add(service.instances().get(i));
          }
        }
      }
      return found;
    }
  }

  private final Function<String, Future<Service>> loader;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, Future<Entry>> loading = new HashMap<>();
  private final Map<String, Long> generations = new HashMap<>();
  private long generation;

  ServiceCache(Function<String, Future<Service>> loader) {
    this.loader = loader;
  }

  Future<Entry> get(String name) {
    Entry cached = entries.get(name);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    Future<Entry> pending = loading.get(name);
    if (pending != null) {
      return pending;
    }
    long startedAt = ++generation;
    Future<Entry> load = loader.apply(name).map(ServiceCache::entry);
    loading.put(name, load);
    return load.onComplete(done -> {
      if (loading.get(name) == load) {
        loading.remove(name);
        if (done.succeeded() && generations.getOrDefault(name, 0L) < startedAt
            && generations.getOrDefault(null, 0L) < startedAt) {
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
    generations.put(name, ++generation);
    if (name == null) {
      entries.clear();
      loading.clear();
    } else {
      entries.remove(name);
      loading.remove(name);
    }
  }

  private static Entry entry(Service service) {
    if (service == null) {
      return new Entry(null, List.of());
    }
    List<JsonNode> metadata = new ArrayList<>(service.instances().size());
    for (ServiceInstance instance : service.instances()) {
      try {
        metadata.add(MAPPER.readTree(instance.metadata()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("stored metadata of " + instance.id() + " is not JSON", e);
      }
    }
    return new Entry(service, metadata);
  }
}
