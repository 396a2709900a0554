package dev.pulse.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Page;
import dev.pulse.discovery.StatusChange;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ServiceStore} must have. */
abstract class ServiceStoreContract {

  static final HealthCheck CHECK = new HealthCheck("/health", 1000, 200, 3);

  ServiceStore store;
  String name;

  abstract ServiceStore createStore(Vertx vertx);

  @BeforeEach
  void startStore(Vertx vertx) {
    store = createStore(vertx);
    store.start().await();
    name = "svc-" + UUID.randomUUID();
  }

  @AfterEach
  void closeStore() {
    store.close().await();
  }

  ServiceDefinition definition(String version, HealthCheck check, String... endpoints) {
    return new ServiceDefinition(name, version, List.of(endpoints), "{\"zone\":\"a\"}", check);
  }

  Registration register(String version, String... endpoints) {
    return store.register(definition(version, CHECK, endpoints), null).await();
  }

  static List<String> ids(Service service) {
    return service.instances().stream().map(ServiceInstance::id).toList();
  }

  ProbeResult pass(long at) {
    return new ProbeResult(true, at, 3, null);
  }

  ProbeResult fail(long at) {
    return new ProbeResult(false, at, 5, "HTTP 503");
  }

  @Test
  @DisplayName("a new service gets one instance per endpoint, ids <name>-1.. in endpoint order, status unknown")
  void createsInstances() {
    Registration created = register("1.0.0", "http://a:1", "http://b:1");
    assertThat(created.outcome()).isEqualTo(Registration.Outcome.CREATED);
    Service service = created.service();
    assertThat(service.revision()).isEqualTo(1);
    assertThat(ids(service)).containsExactly(name + "-1", name + "-2");
    ServiceInstance first = service.instances().get(0);
    assertThat(first).isEqualTo(new ServiceInstance(name + "-1", name, "http://a:1", "1.0.0", "{\"zone\":\"a\"}",
        "unknown", null, 1, CHECK, 0, 0, null, null, 1, false));
    assertThat(store.service(name).await()).isEqualTo(service);
  }

  @Test
  @DisplayName("an instance without a check is healthy from the start")
  void uncheckedIsHealthy() {
    Service service = store.register(definition("1", null, "http://a:1"), null).await().service();
    assertThat(service.instances().get(0).status()).isEqualTo("healthy");
    assertThat(service.instances().get(0).healthCheck()).isNull();
  }

  @Test
  @DisplayName("posting the same definition again changes nothing: same ids, same revision, no duplicates")
  void idempotent() {
    Service first = register("1.0.0", "http://a:1", "http://b:1").service();
    Registration again = register("1.0.0", "http://a:1", "http://b:1");
    assertThat(again.outcome()).isEqualTo(Registration.Outcome.UNCHANGED);
    assertThat(again.service()).isEqualTo(first);
  }

  @Test
  @DisplayName("a reordered, extended endpoint list keeps each known endpoint's id and numbers the new ones on")
  void reorderKeepsIds() {
    register("1.0.0", "http://a:1", "http://b:1");
    Registration extended = register("1.0.0", "http://c:1", "http://b:1", "http://a:1");
    assertThat(extended.outcome()).isEqualTo(Registration.Outcome.UPDATED);
    Service service = extended.service();
    assertThat(service.instances()).extracting(ServiceInstance::id, ServiceInstance::address).containsExactly(
        org.assertj.core.groups.Tuple.tuple(name + "-1", "http://a:1"),
        org.assertj.core.groups.Tuple.tuple(name + "-2", "http://b:1"),
        org.assertj.core.groups.Tuple.tuple(name + "-3", "http://c:1"));
    assertThat(service.revision()).isEqualTo(2);
  }

  @Test
  @DisplayName("a rolling upgrade: a new version's endpoints join, a re-registered endpoint's version and revision move")
  void rollingUpgrade() {
    register("1.0.0", "http://a:1", "http://b:1");
    Service upgraded = register("2.0.0", "http://b:1", "http://c:1").service();
    assertThat(upgraded.instances()).extracting(ServiceInstance::version, ServiceInstance::revision)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1.0.0", 1L),
            org.assertj.core.groups.Tuple.tuple("2.0.0", 2L), org.assertj.core.groups.Tuple.tuple("2.0.0", 1L));
    assertThat(upgraded.versions()).containsExactly("1.0.0", "2.0.0");
    assertThat(upgraded.revision()).isEqualTo(2);
  }

  @Test
  @DisplayName("If-Match must name the current revision; 0 means 'only if it does not exist yet'")
  void ifMatch() {
    assertThat(store.register(definition("1", CHECK, "http://a:1"), 5L).await())
        .isEqualTo(Registration.preconditionFailed(0));
    assertThat(store.register(definition("1", CHECK, "http://a:1"), 0L).await().outcome())
        .isEqualTo(Registration.Outcome.CREATED);
    assertThat(store.register(definition("1", CHECK, "http://b:1"), 0L).await())
        .isEqualTo(Registration.preconditionFailed(1));
    assertThat(store.register(definition("1", CHECK, "http://b:1"), 1L).await().service().revision()).isEqualTo(2);
    assertThat(ids(store.service(name).await())).containsExactly(name + "-1", name + "-2");
  }

  @Test
  @DisplayName("removing an instance bumps the revision, checks the instance's revision, and the last one takes the service")
  void removeInstance() {
    register("1", "http://a:1", "http://b:1");
    assertThat(store.removeInstance(name, name + "-1", 7L).await())
        .isEqualTo(new Removal(Removal.Outcome.PRECONDITION_FAILED, 1));
    assertThat(store.removeInstance(name, name + "-1", 1L).await()).isEqualTo(Removal.REMOVED);
    assertThat(store.removeInstance(name, name + "-1", null).await()).isEqualTo(Removal.NOT_FOUND);
    Service left = store.service(name).await();
    assertThat(ids(left)).containsExactly(name + "-2");
    assertThat(left.revision()).isEqualTo(2);
    // The freed endpoint registers anew with a new id: ids are never reused.
    assertThat(ids(register("1", "http://a:1").service())).containsExactly(name + "-2", name + "-3");

    store.removeInstance(name, name + "-2", null).await();
    store.removeInstance(name, name + "-3", null).await();
    assertThat(store.service(name).await()).isNull();
    assertThat(store.services(null, 0).await().items()).extracting(Service::name).doesNotContain(name);
    assertThat(ids(register("1", "http://a:1").service())).containsExactly(name + "-4");
  }

  @Test
  @DisplayName("removing a service removes every instance; If-Match compares the service revision")
  void removeService() {
    register("1", "http://a:1", "http://b:1");
    assertThat(store.removeService(name, 3L).await()).isEqualTo(new Removal(Removal.Outcome.PRECONDITION_FAILED, 1));
    assertThat(store.removeService(name, 1L).await()).isEqualTo(Removal.REMOVED);
    assertThat(store.service(name).await()).isNull();
    assertThat(store.removeService(name, null).await()).isEqualTo(Removal.NOT_FOUND);
    Registration again = register("1", "http://a:1");
    assertThat(again.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(again.service().revision()).isEqualTo(1);
    assertThat(ids(again.service())).as("ids are never reused").containsExactly(name + "-3");
  }

  @Test
  @DisplayName("threshold 3: unknown turns healthy on the first pass; unhealthy after exactly 3 failures; healthy after 3 passes")
  void healthTransitions() {
    register("1", "http://a:1");
    String id = name + "-1";
    assertThat(store.recordProbe(name, id, pass(100)).await())
        .isEqualTo(new StatusChange(name, id, "unknown", "healthy", "passed in 3 ms"));
    assertThat(store.recordProbe(name, id, fail(200)).await()).isNull();
    assertThat(store.recordProbe(name, id, fail(300)).await()).isNull();
    ServiceInstance twoFailures = store.service(name).await().instances().get(0);
    assertThat(twoFailures.status()).isEqualTo("healthy");
    assertThat(twoFailures.health()).isEqualTo(
        new ServiceInstance.InstanceHealth(id, "http://a:1", "healthy", 300L, 2, "HTTP 503", 5L));
    assertThat(store.recordProbe(name, id, fail(400)).await())
        .isEqualTo(new StatusChange(name, id, "healthy", "unhealthy", "HTTP 503 in 5 ms"));
    assertThat(store.recordProbe(name, id, fail(500)).await()).isNull();
    assertThat(store.recordProbe(name, id, pass(600)).await()).isNull();
    assertThat(store.recordProbe(name, id, pass(700)).await()).isNull();
    assertThat(store.recordProbe(name, id, pass(800)).await())
        .isEqualTo(new StatusChange(name, id, "unhealthy", "healthy", "passed in 3 ms"));
    ServiceInstance recovered = store.service(name).await().instances().get(0);
    assertThat(recovered.health()).isEqualTo(
        new ServiceInstance.InstanceHealth(id, "http://a:1", "healthy", 800L, 0, null, 3L));
    assertThat(recovered.revision()).as("health is not a definition change").isEqualTo(1);
  }

  @Test
  @DisplayName("unknown stays unknown through failures below the threshold, then turns unhealthy")
  void unknownToUnhealthy() {
    register("1", "http://a:1");
    String id = name + "-1";
    assertThat(store.recordProbe(name, id, fail(1)).await()).isNull();
    assertThat(store.recordProbe(name, id, fail(2)).await()).isNull();
    assertThat(store.service(name).await().instances().get(0).status()).isEqualTo("unknown");
    assertThat(store.recordProbe(name, id, fail(3)).await().newStatus()).isEqualTo("unhealthy");
  }

  @Test
  @DisplayName("a probe result for a removed instance changes nothing")
  void probeOfRemovedInstance() {
    register("1", "http://a:1", "http://b:1");
    store.removeInstance(name, name + "-1", null).await();
    assertThat(store.recordProbe(name, name + "-1", pass(1)).await()).isNull();
    assertThat(ids(store.service(name).await())).containsExactly(name + "-2");
  }

  @Test
  @DisplayName("re-registering keeps health unless the check is added or removed")
  void redefinitionAndHealth() {
    register("1", "http://a:1");
    String id = name + "-1";
    store.recordProbe(name, id, pass(1)).await();
    ServiceInstance kept = register("2", "http://a:1").service().instances().get(0);
    assertThat(kept.status()).isEqualTo("healthy");
    assertThat(kept.lastCheck()).isEqualTo(1L);
    ServiceInstance unchecked = store.register(definition("2", null, "http://a:1"), null).await()
        .service().instances().get(0);
    assertThat(unchecked.status()).isEqualTo("healthy");
    assertThat(unchecked.lastCheck()).isNull();
    assertThat(unchecked.revision()).isEqualTo(3);
    assertThat(register("2", "http://a:1").service().instances().get(0).status()).isEqualTo("unknown");
  }

  @Test
  @DisplayName("services page in name order with a next key")
  void pages() {
    String base = name;
    for (String suffix : List.of("-c", "-a", "-b")) {
      name = base + suffix;
      register("1", "http://a:1");
    }
    List<String> all = store.services(null, 0).await().items().stream().map(Service::name)
        .filter(n -> n.startsWith(base)).toList();
    assertThat(all).containsExactly(base + "-a", base + "-b", base + "-c");
    Page<Service> first = store.services(base + "-a", 1).await();
    assertThat(first.items()).extracting(Service::name).containsExactly(base + "-b");
    assertThat(first.nextKey()).isEqualTo(base + "-b");
  }

  @Test
  @DisplayName("metrics count live services and instances, probes run and failed")
  void metrics() {
    ProbeMetrics before = store.metrics().await();
    register("1", "http://a:1", "http://b:1");
    register("1", "http://a:1", "http://b:1", "http://c:1");
    store.recordProbe(name, name + "-1", pass(1)).await();
    store.recordProbe(name, name + "-1", fail(2)).await();
    assertThat(store.metrics().await()).isEqualTo(new ProbeMetrics(before.services() + 1,
        before.instances() + 3, before.healthChecks() + 2, before.failures() + 1));
    store.removeInstance(name, name + "-1", null).await();
    assertThat(store.metrics().await().instances()).isEqualTo(before.instances() + 2);
    store.removeService(name, null).await();
    assertThat(store.metrics().await()).isEqualTo(new ProbeMetrics(before.services(), before.instances(),
        before.healthChecks() + 2, before.failures() + 1));
  }
}
