package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Addresses;
import dev.pulse.discovery.StatusChange;
import dev.pulse.support.Eventually;
import dev.pulse.support.NodeConfigs;
import dev.pulse.support.TargetServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service registry's HTTP contract, run on each store. */
abstract class ServiceApiContract extends NodeContract {

  final String name = "svc-" + UUID.randomUUID().toString().substring(0, 8);

  ServiceApiContract(NodeConfigs configs) {
    super(configs);
  }

  HttpResponse<Buffer> register(String body) {
    return send(HttpMethod.POST, "/services", body);
  }

  HttpResponse<Buffer> register(String body, String ifMatch) {
    return client.post("/services").putHeader("If-Match", ifMatch).sendBuffer(Buffer.buffer(body)).await();
  }

  String definition(String version, String check, String... endpoints) {
    JsonObject body = new JsonObject().put("name", name).put("version", version)
        .put("endpoints", new JsonArray(List.of((Object[]) endpoints))).put("metadata", new JsonObject().put("zone", "a"));
    if (check != null) {
      body.put("healthCheck", new JsonObject(check));
    }
    return body.encode();
  }

  static List<String> ids(JsonArray instances) {
    List<String> ids = new ArrayList<>();
    instances.forEach(instance -> ids.add(((JsonObject) instance).getString("id")));
    return ids;
  }

  @Test
  @DisplayName("POST /services answers 201 with the service, ETag and Location; the same definition again is 200 with the same ids")
  void registers() {
    HttpResponse<Buffer> created = register(definition("1.0.0", null, "http://10.0.0.1:3000/user", "http://10.0.0.2:3000/user"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.getHeader("ETag")).isEqualTo("\"1\"");
    assertThat(created.getHeader("Location")).isEqualTo("/services/" + name);
    JsonObject service = created.bodyAsJsonObject();
    assertThat(service.getString("name")).isEqualTo(name);
    assertThat(service.getJsonArray("versions")).containsExactly("1.0.0");
    JsonObject first = service.getJsonArray("instances").getJsonObject(0);
    assertThat(first.getMap()).containsEntry("id", name + "-1").containsEntry("address", "http://10.0.0.1:3000/user")
        .containsEntry("version", "1.0.0").containsEntry("status", "healthy").containsEntry("revision", 1)
        .containsKey("lastCheck");
    assertThat(first.getJsonObject("metadata").getString("zone")).isEqualTo("a");

    HttpResponse<Buffer> again = register(definition("1.0.0", null, "http://10.0.0.2:3000/user", "http://10.0.0.1:3000/user"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonObject()).isEqualTo(service);
    HttpResponse<Buffer> read = get("/services/" + name);
    assertThat(read.bodyAsJsonObject()).isEqualTo(service);
    assertThat(read.getHeader("ETag")).isEqualTo("\"1\"");
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"version\":\"1\",\"endpoints\":[\"http://a\"]}|name",
      "{\"name\":\"\",\"version\":\"1\",\"endpoints\":[\"http://a\"]}|name",
      "{\"name\":\"a b\",\"version\":\"1\",\"endpoints\":[\"http://a\"]}|name",
      "{\"name\":\"alerts\",\"version\":\"1\",\"endpoints\":[\"http://a\"]}|name",
      "{\"name\":\"LONG_NAME\",\"version\":\"1\",\"endpoints\":[\"http://a\"]}|name",
      "{\"name\":\"s\",\"endpoints\":[\"http://a\"]}|version",
      "{\"name\":\"s\",\"version\":\"\",\"endpoints\":[\"http://a\"]}|version",
      "{\"name\":\"s\",\"version\":1,\"endpoints\":[\"http://a\"]}|version",
      "{\"name\":\"s\",\"version\":\"1\"}|endpoints",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[]}|endpoints",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":\"http://a\"}|endpoints",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\",\"ftp://b\"]}|endpoints[1]",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"/relative\"]}|endpoints[0]",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\",\"http://a\"]}|endpoints[1]",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a?x=1\"]}|endpoints[0]",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[3]}|endpoints[0]",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a:99999\"]}|endpoints[0]",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a:/x\"]}|endpoints[0]",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"metadata\":[]}|metadata",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"healthCheck\":{\"interval\":0}}|healthCheck.interval",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"healthCheck\":{\"interval\":1000,\"timeout\":-5}}|healthCheck.timeout",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"healthCheck\":{\"interval\":1000,\"timeout\":1000}}|healthCheck.timeout",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"healthCheck\":{\"threshold\":0}}|healthCheck.threshold",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"healthCheck\":{\"threshold\":1.5}}|healthCheck.threshold",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"healthCheck\":{\"path\":\"health\"}}|healthCheck.path",
      "{\"name\":\"s\",\"version\":\"1\",\"endpoints\":[\"http://a\"],\"healthcheck\":{}}|healthcheck",
      "[1]|body",
      "{\"name\":|body",
  })
  void refusesBadDefinitions(String body, String field) {
    body = body.replace("LONG_NAME", "n".repeat(101));
    HttpResponse<Buffer> response = register(body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo(field);
    assertThat(get("/services").bodyAsJsonArray()).isEmpty();
  }

  @Test
  @DisplayName("If-Match: a stale revision is a 412 with the current one and changes nothing; the current one writes")
  void optimisticConcurrency() {
    register(definition("1", null, "http://a:1"));
    HttpResponse<Buffer> stale = register(definition("2", null, "http://a:1"), "\"7\"");
    assertProblem(stale, 412, "PRECONDITION_FAILED", "If-Match");
    assertThat(stale.bodyAsJsonObject().getLong("currentRevision")).isEqualTo(1);
    assertThat(get("/services/" + name).bodyAsJsonObject().getJsonArray("versions")).containsExactly("1");
    HttpResponse<Buffer> current = register(definition("2", null, "http://a:1"), "\"1\"");
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(current.getHeader("ETag")).isEqualTo("\"2\"");
    assertProblem(register(definition("2", null, "http://a:1"), "latest"), 400, "INVALID_HEADER", "If-Match");
  }

  @Test
  @DisplayName("two deployers racing with the same If-Match: exactly one wins, the others get 412")
  void oneOfConcurrentWritersWins() {
    register(definition("1", null, "http://a:1"));
    List<HttpResponse<Buffer>> responses = concurrently(20, i -> client.post("/services")
        .putHeader("If-Match", "\"1\"").sendBuffer(Buffer.buffer(definition("2", null, "http://b:" + (i + 1)))));
    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 412).hasSize(19);
    assertThat(get("/services/" + name).bodyAsJsonObject().getJsonArray("instances")).hasSize(2);
  }

  @Test
  @DisplayName("DELETE an instance (If-Match on its revision) and a service: 204, then 404")
  void deletes() {
    register(definition("1", null, "http://a:1", "http://b:1"));
    assertProblem(client.delete("/services/" + name + "/instances/" + name + "-1").putHeader("If-Match", "\"9\"")
        .send().await(), 412, "PRECONDITION_FAILED", "If-Match");
    assertThat(send(HttpMethod.DELETE, "/services/" + name + "/instances/" + name + "-1", null).statusCode()).isEqualTo(204);
    assertProblem(send(HttpMethod.DELETE, "/services/" + name + "/instances/" + name + "-1", null), 404,
        "INSTANCE_NOT_FOUND", null);
    assertThat(ids(get("/services/" + name).bodyAsJsonObject().getJsonArray("instances"))).containsExactly(name + "-2");
    assertThat(send(HttpMethod.DELETE, "/services/" + name, null).statusCode()).isEqualTo(204);
    assertProblem(get("/services/" + name), 404, "SERVICE_NOT_FOUND", null);
    assertProblem(send(HttpMethod.DELETE, "/services/" + name, null), 404, "SERVICE_NOT_FOUND", null);
    assertProblem(get("/services/" + name + "/health"), 404, "SERVICE_NOT_FOUND", null);
    assertProblem(get("/services/bad%20name"), 400, "INVALID_ID", "name");
  }

  @Test
  @DisplayName("GET /services lists each service's versions and counts by status, paged by name")
  void lists() {
    register(definition("1.0.0", null, "http://a:1", "http://b:1"));
    register(definition("2.0.0", "{\"interval\":60000,\"timeout\":1000}", "http://c:1"));
    JsonArray all = get("/services").bodyAsJsonArray();
    assertThat(all).hasSize(1);
    JsonObject summary = all.getJsonObject(0);
    assertThat(summary.getInteger("instances")).isEqualTo(3);
    assertThat(summary.getJsonObject("status").getMap()).isEqualTo(Map.of("healthy", 2, "unhealthy", 0, "unknown", 1));
    assertThat(summary.getJsonObject("versions").getJsonObject("2.0.0").getInteger("unknown")).isEqualTo(1);
    send(HttpMethod.POST, "/services", definition("1", null, "http://z:1").replace(name, name + "-b"));
    HttpResponse<Buffer> page = get("/services?limit=1");
    assertThat(page.bodyAsJsonArray()).hasSize(1);
    assertThat(page.getHeader("Link")).contains("cursor=");
    assertProblem(get("/services?limt=1"), 400, "INVALID_QUERY", "limt");
  }

  @Test
  @DisplayName("GET /services/:name/instances filters by status, version range and metadata; unknown service → []")
  void filters() {
    register(new JsonObject(definition("1.2.0", null, "http://a:1")).put("metadata", new JsonObject().put("zone", "eu")).encode());
    register(new JsonObject(definition("1.9.1", null, "http://b:1")).put("metadata", new JsonObject().put("zone", "us").put("canary", true)).encode());
    register(definition("2.0.0", "{\"interval\":60000,\"timeout\":1000}", "http://c:1"));
    String base = "/services/" + name + "/instances";
    assertThat(ids(get(base).bodyAsJsonArray())).containsExactly(name + "-1", name + "-2", name + "-3");
    assertThat(ids(get(base + "?version=%5E1.2").bodyAsJsonArray())).containsExactly(name + "-1", name + "-2");
    assertThat(ids(get(base + "?version=~1.2.0").bodyAsJsonArray())).containsExactly(name + "-1");
    assertThat(ids(get(base + "?version=%3E%3D1.5%20%3C3").bodyAsJsonArray())).containsExactly(name + "-2", name + "-3");
    assertThat(ids(get(base + "?version=2.0.0").bodyAsJsonArray())).containsExactly(name + "-3");
    assertThat(ids(get(base + "?status=unknown").bodyAsJsonArray())).containsExactly(name + "-3");
    assertThat(ids(get(base + "?meta.zone=us&meta.canary=true").bodyAsJsonArray())).containsExactly(name + "-2");
    assertThat(ids(get(base + "?meta.zone=us&status=unknown").bodyAsJsonArray())).isEmpty();
    assertThat(get("/services/nope-" + name + "/instances").bodyAsJsonArray()).isEmpty();
    assertProblem(get(base + "?status=sick"), 400, "INVALID_QUERY", "status");
    assertProblem(get(base + "?version=%3E%3Dbanana"), 400, "INVALID_QUERY", "version");
    assertProblem(get(base + "?zone=eu"), 400, "INVALID_QUERY", "zone");
  }

  @Test
  @DisplayName("round-robin resolve hands each healthy instance out equally, in turn, also under concurrent calls")
  void roundRobin() {
    register(definition("1", null, "http://a:1", "http://b:1", "http://c:1"));
    register(definition("2", "{\"interval\":60000,\"timeout\":1000}", "http://d:1"));
    List<String> sequence = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      sequence.add(get("/services/" + name + "/resolve").bodyAsJsonObject().getString("id"));
    }
    assertThat(sequence.subList(0, 3)).doesNotHaveDuplicates();
    assertThat(sequence.subList(3, 6)).isEqualTo(sequence.subList(0, 3));
    assertThat(sequence.subList(6, 9)).isEqualTo(sequence.subList(0, 3));
    assertThat(sequence).doesNotContain(name + "-4");

    List<HttpResponse<Buffer>> responses = concurrently(300, i -> client.get("/services/" + name + "/resolve").send());
    Map<String, Integer> counts = new HashMap<>();
    responses.forEach(r -> counts.merge(r.bodyAsJsonObject().getString("id"), 1, Integer::sum));
    assertThat(counts).isEqualTo(Map.of(name + "-1", 100, name + "-2", 100, name + "-3", 100));

    Map<String, Integer> random = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      random.merge(get("/services/" + name + "/resolve?strategy=random&meta.zone=a").bodyAsJsonObject()
          .getString("id"), 1, Integer::sum);
    }
    assertThat(random.keySet()).isSubsetOf(name + "-1", name + "-2", name + "-3");
    assertProblem(get("/services/" + name + "/resolve?strategy=fastest"), 400, "INVALID_QUERY", "strategy");
  }

  @Test
  @DisplayName("resolve answers 503 NO_HEALTHY_INSTANCE when nothing healthy qualifies, and never a removed instance")
  void noHealthyInstance() {
    assertProblem(get("/services/" + name + "/resolve"), 503, "NO_HEALTHY_INSTANCE", null);
    register(definition("1", "{\"interval\":60000,\"timeout\":1000}", "http://a:1"));
    assertProblem(get("/services/" + name + "/resolve"), 503, "NO_HEALTHY_INSTANCE", null);
    register(definition("2", null, "http://b:1"));
    assertThat(get("/services/" + name + "/resolve").bodyAsJsonObject().getString("id")).isEqualTo(name + "-2");
    assertProblem(get("/services/" + name + "/resolve?version=1"), 503, "NO_HEALTHY_INSTANCE", null);
    send(HttpMethod.DELETE, "/services/" + name + "/instances/" + name + "-2", null);
    assertProblem(get("/services/" + name + "/resolve"), 503, "NO_HEALTHY_INSTANCE", null);
  }

  @Test
  @DisplayName("health checks: unknown → healthy; unhealthy after exactly threshold failures; healthy again after threshold passes")
  void healthTransitions() {
    TargetServer target = TargetServer.start(vertx);
    List<StatusChange> changes = Collections.synchronizedList(new ArrayList<>());
    List<int[]> countsAtChange = Collections.synchronizedList(new ArrayList<>());
    vertx.eventBus().<StatusChange>consumer(Addresses.DISCOVERY_STATUS_CHANGED, message -> {
      if (message.body().group().equals(name)) {
        changes.add(message.body());
        countsAtChange.add(new int[] {target.passes(), target.failures()});
      }
    }).completion().await();
    try {
      assertThat(register(definition("1", "{\"path\":\"/health\",\"interval\":150,\"timeout\":100,\"threshold\":3}",
          target.url("a"))).statusCode()).isEqualTo(201);
      String health = "/services/" + name + "/health";
      Eventually.poll(vertx, 5000, "healthy", () -> Future.succeededFuture(changes.size() == 1)).await();
      assertThat(changes.get(0)).extracting(StatusChange::oldStatus, StatusChange::newStatus)
          .containsExactly("unknown", "healthy");
      assertThat(countsAtChange.get(0)).as("passes, failures").containsExactly(1, 0);
      JsonObject instance = get(health).bodyAsJsonArray().getJsonObject(0);
      assertThat(instance.getString("status")).isEqualTo("healthy");
      assertThat(instance.getLong("lastCheck")).isPositive();
      assertThat(instance.getString("address")).isEqualTo(target.url("a"));

      target.mode(TargetServer.Mode.FAILING);
      Eventually.poll(vertx, 5000, "unhealthy", () -> Future.succeededFuture(changes.size() == 2)).await();
      assertThat(changes.get(1)).extracting(StatusChange::oldStatus, StatusChange::newStatus)
          .containsExactly("healthy", "unhealthy");
      assertThat(changes.get(1).reason()).startsWith("HTTP 503");
      assertThat(countsAtChange.get(1)[1]).as("failed probes when it turned unhealthy").isEqualTo(3);
      JsonObject failing = get(health).bodyAsJsonArray().getJsonObject(0);
      assertThat(failing.getInteger("consecutiveFailures")).isGreaterThanOrEqualTo(3);
      assertThat(failing.getString("lastError")).isEqualTo("HTTP 503");
      assertProblem(get("/services/" + name + "/resolve"), 503, "NO_HEALTHY_INSTANCE", null);

      int passesBefore = target.passes(); // stable: a failing target serves no passes
      target.mode(TargetServer.Mode.HEALTHY);
      Eventually.poll(vertx, 5000, "recovered", () -> Future.succeededFuture(changes.size() == 3)).await();
      assertThat(changes.get(2).newStatus()).isEqualTo("healthy");
      assertThat(countsAtChange.get(2)[0] - passesBefore).as("passing probes when it recovered").isEqualTo(3);
      assertThat(get("/services/" + name + "/resolve").bodyAsJsonObject().getString("id")).isEqualTo(name + "-1");
      assertThat(target.requests()).as("the check path was probed").isEqualTo(target.passes() + target.failures());
    } finally {
      target.close();
    }
  }

  @Test
  @DisplayName("a hanging endpoint times out, turns unhealthy, and never has two probes open at once")
  void hangingEndpoint() {
    TargetServer target = TargetServer.start(vertx);
    try {
      target.mode(TargetServer.Mode.HANGING);
      register(definition("1", "{\"interval\":150,\"timeout\":100,\"threshold\":2}", target.url("slow")));
      String health = "/services/" + name + "/health";
      Eventually.poll(vertx, 5000, "unhealthy after timeouts", () -> client.get(health).send()
          .map(r -> r.bodyAsJsonArray().getJsonObject(0).getString("status").equals("unhealthy"))).await();
      JsonObject instance = get(health).bodyAsJsonArray().getJsonObject(0);
      assertThat(instance.getString("lastError")).isEqualTo("timeout after 100 ms");
      assertThat(instance.getLong("latencyMs")).isGreaterThanOrEqualTo(100);
      Eventually.poll(vertx, 5000, "more probes", () -> Future.succeededFuture(target.requests() >= 5)).await();
      assertThat(target.maxOpen()).as("probes open at once").isEqualTo(1);
    } finally {
      target.close();
    }
  }

  @Test
  @DisplayName("GET /discovery/metrics counts services, instances, probes and failed probes")
  void metrics() {
    JsonObject before = get("/discovery/metrics").bodyAsJsonObject();
    TargetServer target = TargetServer.start(vertx);
    try {
      target.mode(TargetServer.Mode.FAILING);
      register(definition("1", "{\"interval\":150,\"timeout\":100,\"threshold\":1}", target.url("a"), "http://b:1"));
      Eventually.poll(vertx, 5000, "two probes", () -> Future.succeededFuture(target.requests() >= 2)).await();
      JsonObject after = get("/discovery/metrics").bodyAsJsonObject();
      assertThat(after.getLong("services")).isEqualTo(before.getLong("services") + 1);
      assertThat(after.getLong("instances")).isEqualTo(before.getLong("instances") + 2);
      assertThat(after.getLong("healthChecks") - before.getLong("healthChecks")).isGreaterThanOrEqualTo(2);
      assertThat(after.getLong("failures") - before.getLong("failures")).isGreaterThanOrEqualTo(2);
    } finally {
      target.close();
    }
  }

  @Test
  @DisplayName("one registry: an instance heartbeating into the group of the service's name is one of its instances, check ttl")
  void heartbeatInstancesAreServiceInstances() {
    register(definition("1.0.0", null, "http://a:1"));
    HttpResponse<Buffer> beat = send(HttpMethod.POST, "/" + name + "/hb-1",
        "{\"meta\":{\"address\":\"http://hb:1\",\"version\":\"2.1.0\",\"zone\":\"b\"}}");
    assertThat(beat.statusCode()).isEqualTo(201);
    String instances = "/services/" + name + "/instances";
    JsonArray all = get(instances).bodyAsJsonArray();
    assertThat(ids(all)).containsExactly(name + "-1", "hb-1");
    assertThat(all.getJsonObject(0).getString("check")).isEqualTo("none");
    JsonObject viaHeartbeat = all.getJsonObject(1);
    assertThat(viaHeartbeat.getMap()).containsEntry("check", "ttl").containsEntry("status", "healthy")
        .containsEntry("address", "http://hb:1").containsEntry("version", "2.1.0").containsEntry("revision", 0)
        .containsEntry("lastCheck", beat.bodyAsJsonObject().getLong("updatedAt"));
    assertThat(ids(get(instances + "?version=%5E2&meta.zone=b").bodyAsJsonArray())).containsExactly("hb-1");
    assertThat(List.of(get("/services/" + name + "/resolve").bodyAsJsonObject().getString("id"),
        get("/services/" + name + "/resolve").bodyAsJsonObject().getString("id")))
        .containsExactlyInAnyOrder(name + "-1", "hb-1");
    assertThat(ids(get("/services/" + name + "/health").bodyAsJsonArray())).containsExactly(name + "-1", "hb-1");

    assertThat(send(HttpMethod.DELETE, "/" + name + "/hb-1", null).statusCode()).isEqualTo(204);
    assertThat(ids(get(instances).bodyAsJsonArray())).containsExactly(name + "-1");
    assertThat(send(HttpMethod.POST, "/" + name + "/hb-2", null).statusCode()).isEqualTo(201);
    assertThat(ids(get(instances).bodyAsJsonArray())).containsExactly(name + "-1", "hb-2");
  }

  @Test
  @DisplayName("a heartbeat instance that keeps heartbeating stays in lookups past its TTL, and leaves them when it stops")
  void heartbeatingInstanceStaysResolvable() {
    withNode(Map.of("PULSE_HEARTBEAT_TTL_MS", "300", "PULSE_EXPIRY_INTERVAL_MS", "3600000"), (other, shortTtl) -> {
      String resolve = "/services/" + name + "/resolve";
      long until = System.currentTimeMillis() + 1200;
      while (System.currentTimeMillis() < until) {
        assertThat(send(shortTtl, HttpMethod.POST, "/" + name + "/beating", null).statusCode()).isIn(200, 201);
        HttpResponse<Buffer> resolved = send(shortTtl, HttpMethod.GET, resolve, null);
        assertThat(resolved.statusCode()).as(resolved.bodyAsString()).isEqualTo(200);
        other.timer(50).await(); // the client's heartbeat period, well inside the TTL
      }
      Eventually.poll(other, 5000, "the instance leaves resolve once it stops", () -> shortTtl
          .get(resolve).send().map(r -> r.statusCode() == 503)).await();
    });
  }

  @Test
  @DisplayName("a group that only heartbeats is a service too (revision 0); its expired instances leave lookups before any sweep")
  void heartbeatOnlyService() {
    withNode(Map.of("PULSE_HEARTBEAT_TTL_MS", "300", "PULSE_EXPIRY_INTERVAL_MS", "3600000"), (other, shortTtl) -> {
      assertThat(send(shortTtl, HttpMethod.POST, "/" + name + "/only", null).statusCode()).isEqualTo(201);
      HttpResponse<Buffer> service = send(shortTtl, HttpMethod.GET, "/services/" + name, null);
      assertThat(service.statusCode()).isEqualTo(200);
      assertThat(service.bodyAsJsonObject().getLong("revision")).isZero();
      assertThat(send(shortTtl, HttpMethod.GET, "/services/" + name + "/resolve", null).bodyAsJsonObject()
          .getString("id")).isEqualTo("only");
      Eventually.poll(other, 5000, "the expired instance leaves resolve", () -> shortTtl
          .get("/services/" + name + "/resolve").send().map(r -> r.statusCode() == 503)).await();
      assertThat(send(shortTtl, HttpMethod.GET, "/services/" + name + "/instances", null).bodyAsJsonArray()).isEmpty();
    });
  }

  @Test
  @DisplayName("an instance whose checks fail raises one of Pulse's own alerts; deleting the instance resolves it")
  void unhealthyInstanceRaisesAlert() {
    TargetServer target = TargetServer.start(vertx);
    try {
      target.mode(TargetServer.Mode.FAILING);
      register(definition("1", "{\"interval\":150,\"timeout\":100,\"threshold\":1}", target.url("a")));
      String byName = "/alerts?name=" + java.net.URLEncoder.encode("Instance " + name + "-1 of service " + name
          + " is unhealthy", java.nio.charset.StandardCharsets.UTF_8);
      Eventually.poll(vertx, 5000, "alert raised", () -> client.get(byName).send()
          .map(r -> r.bodyAsJsonArray().size() == 1)).await();
      assertThat(get(byName).bodyAsJsonArray().getJsonObject(0).getString("status")).isEqualTo("TRIGGERED");
      assertThat(send(HttpMethod.DELETE, "/services/" + name + "/instances/" + name + "-1", null).statusCode())
          .isEqualTo(204);
      Eventually.poll(vertx, 5000, "alert resolved", () -> client.get(byName).send()
          .map(r -> "RESOLVED".equals(r.bodyAsJsonArray().getJsonObject(0).getString("status")))).await();
      assertThat(get(byName).bodyAsJsonArray()).hasSize(1);
    } finally {
      target.close();
    }
  }
}
