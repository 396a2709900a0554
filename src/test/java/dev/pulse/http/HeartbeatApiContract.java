package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Addresses;
import dev.pulse.Pulse;
import dev.pulse.support.NodeConfigs;
import dev.pulse.discovery.Instance;
import dev.pulse.support.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heartbeat HTTP API, as clients see it, against a whole Pulse node (every verticle, the real
 * config path, an ephemeral port). Run once per store.
 */
abstract class HeartbeatApiContract extends NodeContract {

  String group;

  HeartbeatApiContract(NodeConfigs configs) {
    super(configs);
  }

  @BeforeEach
  void newGroup() {
    group = "g-" + UUID.randomUUID();
  }

  HttpResponse<Buffer> post(String path, String body) {
    return send(HttpMethod.POST, path, body);
  }

  @Test
  @DisplayName("POST /:group/:id answers 201 with the instance, then 200 with createdAt kept and updatedAt later")
  void registerThenRenew() {
    HttpResponse<Buffer> first = post("/" + group + "/i-1", null);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.getHeader("Content-Type")).isEqualTo("application/json");
    JsonObject created = first.bodyAsJsonObject();
    assertThat(created.fieldNames()).containsExactlyInAnyOrder("id", "group", "createdAt", "updatedAt", "meta");
    assertThat(created.getString("id")).isEqualTo("i-1");
    assertThat(created.getString("group")).isEqualTo(group);
    assertThat(created.getLong("updatedAt")).isEqualTo(created.getLong("createdAt"));
    assertThat(created.getLong("createdAt")).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    assertThat(created.getJsonObject("meta")).isEqualTo(new JsonObject());

    long previous = created.getLong("updatedAt");
    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> renewal = post("/" + group + "/i-1", null);
      assertThat(renewal.statusCode()).isEqualTo(200);
      JsonObject renewed = renewal.bodyAsJsonObject();
      assertThat(renewed.getLong("createdAt")).isEqualTo(created.getLong("createdAt"));
      assertThat(renewed.getLong("updatedAt")).isGreaterThan(previous);
      previous = renewed.getLong("updatedAt");
    }
  }

  @Test
  @DisplayName("meta in the body replaces the stored meta; an empty body or one without meta keeps it; other keys are ignored")
  void metaReplaceAndKeep() {
    String path = "/" + group + "/i-1";
    JsonObject eu = new JsonObject().put("zone", "eu").put("tags", new JsonArray().add("a"));

    assertThat(post(path, "{\"meta\":" + eu.encode() + ",\"other\":1}").bodyAsJsonObject().getJsonObject("meta"))
        .isEqualTo(eu);
    assertThat(post(path, null).bodyAsJsonObject().getJsonObject("meta")).isEqualTo(eu);
    assertThat(post(path, "").bodyAsJsonObject().getJsonObject("meta")).isEqualTo(eu);
    assertThat(post(path, "{\"version\":2}").bodyAsJsonObject().getJsonObject("meta")).isEqualTo(eu);
    assertThat(post(path, "{\"meta\":{}}").bodyAsJsonObject().getJsonObject("meta")).isEqualTo(new JsonObject());
    assertThat(post(path, "{\"meta\":{\"zone\":\"us\"}}").statusCode()).isEqualTo(200);

    assertThat(get("/" + group).bodyAsJsonArray().getJsonObject(0).getJsonObject("meta"))
        .isEqualTo(new JsonObject().put("zone", "us"));
  }

  @Test
  @DisplayName("a JSON body sent with a form content type (curl -d) is read as JSON, % signs included")
  void formContentTypeIsReadAsJson() {
    HttpResponse<Buffer> response = client.post("/" + group + "/i-1")
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer("{\"meta\":{\"load\":\"50%\",\"q\":\"a=b&c\"}}")).await();

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getJsonObject("meta"))
        .isEqualTo(new JsonObject().put("load", "50%").put("q", "a=b&c"));
  }

  @Test
  @DisplayName("a heartbeat body sent in chunks (Transfer-Encoding: chunked, no Content-Length) is read whole")
  void chunkedBody() {
    HttpClient http = vertx.createHttpClient();
    try {
      int status = http.request(HttpMethod.POST, node.port(), "127.0.0.1", "/" + group + "/i-1")
          .compose(request -> request.setChunked(true).write("{\"meta\":")
              .compose(written -> request.end("{\"k\":1}}"))
              .compose(ended -> request.response()))
          .map(HttpClientResponse::statusCode)
          .await();
      assertThat(status).isEqualTo(201);
    } finally {
      http.close().await();
    }
    assertThat(get("/" + group + "/i-1").bodyAsJsonObject().getJsonObject("meta"))
        .isEqualTo(new JsonObject().put("k", 1));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"meta\":`          | INVALID_JSON  | body",
      "`{\"meta\":{}} x`     | INVALID_JSON  | body",
      "`not json`            | INVALID_JSON  | body",
      "`[1,2]`               | INVALID_BODY  | body",
      "`\"text\"`            | INVALID_BODY  | body",
      "`42`                  | INVALID_BODY  | body",
      "`{\"meta\":[1]}`      | INVALID_FIELD | meta",
      "`{\"meta\":\"x\"}`    | INVALID_FIELD | meta",
      "`{\"meta\":null}`     | INVALID_FIELD | meta",
      "`{\"meta\":7}`        | INVALID_FIELD | meta"})
  @DisplayName("a bad body is a 400 naming the field, and changes nothing")
  void badBodies(String body, String code, String field) {
    String path = "/" + group + "/i-1";
    assertProblem(post("/" + group + "/new", body), 400, code, field);
    assertProblem(get("/" + group + "/new"), 404, "INSTANCE_NOT_FOUND", null);

    post(path, "{\"meta\":{\"keep\":true}}");
    assertProblem(post(path, body), 400, code, field);
    assertThat(get(path).bodyAsJsonObject().getJsonObject("meta")).isEqualTo(new JsonObject().put("keep", true));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "POST   | //i-1                | group",
      "POST   | /GROUP/               | id",
      "POST   | /GROUP                | id",
      "POST   | /a%20b/i-1            | group",
      "POST   | /a%2Fb/i-1            | group",
      "POST   | /GROUP/a%2Fb          | id",
      "POST   | /GROUP/%C3%A9         | id",
      "POST   | /GROUP/a%25b          | id",
      "POST   | /GROUP/{x}            | id",
      "POST   | /LONG/i-1             | group",
      "POST   | /GROUP/LONG           | id",
      "DELETE | /GROUP/a%20b          | id",
      "DELETE | //i-1                 | group",
      "GET    | /a%2Ab                | group",
      "GET    | /GROUP/a%20b          | id",
      "POST   | /GROUP/%2E%2E         | id",
      "POST   | /%2E/i-1              | group"})
  @DisplayName("an empty, too long or ill-formed group or id is a 400 naming it")
  void badIds(String method, String path, String field) {
    String resolved = path.replace("GROUP", group).replace("LONG", "x".repeat(129));
    assertProblem(send(HttpMethod.valueOf(method), resolved, null), 400, "INVALID_ID", field);
  }

  @Test
  @DisplayName("200 concurrent first heartbeats for one instance on one node give exactly one 201")
  void concurrentFirstHeartbeats() {
    List<HttpResponse<Buffer>> responses = concurrently(200, i -> client.post("/" + group + "/racer").send());

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(199);
    assertThat(responses.stream().map(r -> r.bodyAsJsonObject().getLong("updatedAt")).distinct()).hasSize(200);
    assertThat(get("/" + group).bodyAsJsonArray()).hasSize(1);
  }

  @Test
  @DisplayName("an unpaired surrogate in the body is a 400, and the group stays readable")
  void unpairedSurrogate() {
    assertProblem(post("/" + group + "/p1", "{\"meta\":{\"a\":\"\\ud800\"}}"), 400, "INVALID_JSON", "body");
    assertThat(post("/" + group + "/p1", "{\"meta\":{\"a\":\"\\ud83d\\ude00\"}}").statusCode()).isEqualTo(201);
    assertThat(get("/" + group).bodyAsJsonArray().getJsonObject(0).getJsonObject("meta").getString("a"))
        .isEqualTo("\ud83d\ude00");
  }

  @Test
  @DisplayName("a surrogate sent as raw UTF-8 bytes (ED A0 80, no escape) is a 400 as well")
  void rawSurrogateBytes() {
    assertRefusedAndNotStored("raw", Buffer.buffer("{\"meta\":{\"a\":\"")
        .appendBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).appendString("\"}}"));
  }

  @Test
  @DisplayName("a lone surrogate in a UTF-32 body (which Jackson reads too) is a 400 as well")
  void utf32Surrogate() {
    java.nio.charset.Charset utf32 = java.nio.charset.Charset.forName("UTF-32BE");
    assertRefusedAndNotStored("utf32", Buffer.buffer("{\"meta\":{\"a\":\"".getBytes(utf32))
        .appendBytes(new byte[] {0, 0, (byte) 0xD8, 0}).appendBytes("\"}}".getBytes(utf32)));
  }

  /** A heartbeat of instance {@code id} with {@code body} is a 400 naming the body, and registers nothing. */
  private void assertRefusedAndNotStored(String id, Buffer body) {
    assertProblem(client.post("/" + group + "/" + id).sendBuffer(body).await(), 400, "INVALID_JSON", "body");
    assertThat(get("/" + group + "/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("numbers in meta are kept exactly as sent")
  void exactNumbersInMeta() {
    String meta = "{\"pi\":3.14159265358979323846264338,\"big\":123456789012345678901234567890}";
    assertThat(post("/" + group + "/n1", "{\"meta\":" + meta + "}").bodyAsString()).contains("\"meta\":" + meta);
  }

  @Test
  @DisplayName("ids of exactly 128 characters from the whole allowed alphabet are accepted")
  void longestIdsAccepted() {
    String id = "Az09._~:-".repeat(14) + "ab";
    assertThat(id).hasSize(128);
    HttpResponse<Buffer> response = post("/" + group + "/" + id, null);
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.bodyAsJsonObject().getString("id")).isEqualTo(id);
    assertThat(get("/" + group + "/" + id).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"services", "discovery", "alerts", "ingest", "devices", "users", "health",
      "metrics", "events", "ui", "openapi"})
  @DisplayName("a reserved first segment is never a group: 400 on POST, DELETE and GET unless its own route answers")
  void reservedGroups(String reserved) {
    assertProblem(post("/" + reserved + "/i-1", "{}"), 400, "RESERVED_GROUP", "group");
    if (reserved.equals("services")) { // DELETE /services/:name is the service registry's own route
      assertProblem(send(HttpMethod.DELETE, "/services/i-1", null), 404, "SERVICE_NOT_FOUND", null);
    } else {
      assertProblem(send(HttpMethod.DELETE, "/" + reserved + "/i-1", null), 400, "RESERVED_GROUP", "group");
    }
    // GET /alerts, /devices and /services are listings, GET /metrics is Prometheus text, GET /events
    // an event stream and GET /ui the dashboard
    if (!List.of("alerts", "devices", "services", "metrics", "events", "ui").contains(reserved)) {
      assertProblem(get("/" + reserved), 400, "RESERVED_GROUP", "group");
    }
    assertThat(get("/").bodyAsJsonArray()).isEmpty();
  }

  @Test
  @DisplayName("GET /health/live answers 200 while the process is up")
  void liveness() {
    HttpResponse<Buffer> response = get("/health/live");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
  }

  @Test
  @DisplayName("a body over 64 KiB is a 413; a body of exactly 64 KiB is accepted")
  void bodyLimit() {
    String prefix = "{\"meta\":{\"pad\":\"";
    String suffix = "\"}}";
    String exact = prefix + "x".repeat(65536 - prefix.length() - suffix.length()) + suffix;
    assertThat(exact).hasSize(65536);

    assertThat(post("/" + group + "/exact", exact).statusCode()).isEqualTo(201);
    assertProblem(post("/" + group + "/over", exact + " "), 413, "BODY_TOO_LARGE", "body");
    assertProblem(get("/" + group + "/over"), 404, "INSTANCE_NOT_FOUND", null);
  }

  @Test
  @DisplayName("DELETE /:group/:id answers 204, then 404 once it is gone")
  void deregister() {
    post("/" + group + "/a", null);
    post("/" + group + "/b", null);

    HttpResponse<Buffer> deleted = send(HttpMethod.DELETE, "/" + group + "/a", null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isNull();
    assertProblem(send(HttpMethod.DELETE, "/" + group + "/a", null), 404, "INSTANCE_NOT_FOUND", null);
    assertProblem(send(HttpMethod.DELETE, "/" + group + "/never", null), 404, "INSTANCE_NOT_FOUND", null);
    assertThat(get("/" + group).bodyAsJsonArray()).extracting(o -> ((JsonObject) o).getString("id"))
        .containsExactly("b");
  }

  @Test
  @DisplayName("GET / lists live groups by name with a numeric instance count, earliest createdAt and latest updatedAt")
  void listGroups() {
    assertThat(get("/").bodyAsJsonArray()).isEmpty();
    String b = group + "-b";
    String a = group + "-a";
    JsonObject b1 = post("/" + b + "/1", null).bodyAsJsonObject();
    post("/" + b + "/2", null);
    JsonObject b1Again = post("/" + b + "/1", null).bodyAsJsonObject();
    JsonObject a1 = post("/" + a + "/1", null).bodyAsJsonObject();

    JsonArray groups = get("/").bodyAsJsonArray();

    assertThat(groups).containsExactly(
        new JsonObject().put("group", a).put("instances", 1)
            .put("createdAt", a1.getLong("createdAt")).put("lastUpdatedAt", a1.getLong("updatedAt")),
        new JsonObject().put("group", b).put("instances", 2)
            .put("createdAt", b1.getLong("createdAt")).put("lastUpdatedAt", b1Again.getLong("updatedAt")));
  }

  @Test
  @DisplayName("GET /:group lists live instances oldest first; an unknown group is 200 []")
  void listInstances() {
    for (String id : List.of("c", "a", "b")) {
      post("/" + group + "/" + id, null);
    }
    post("/" + group + "/c", "{\"meta\":{\"v\":2}}");

    JsonArray instances = get("/" + group).bodyAsJsonArray();
    // Oldest first; instances created in the same millisecond are ordered by id.
    assertThat(instances).extracting(o -> ((JsonObject) o).getString("id")).containsExactlyInAnyOrder("c", "a", "b");
    assertThat(instances).extracting(o -> ((JsonObject) o).getLong("createdAt") + "/" + ((JsonObject) o).getString("id"))
        .isSortedAccordingTo(java.util.Comparator.comparing((String key) -> Long.parseLong(key.split("/")[0]))
            .thenComparing(key -> key.split("/")[1]));
    assertThat(instances).filteredOn(o -> ((JsonObject) o).getString("id").equals("c")).singleElement()
        .satisfies(c -> assertThat(((JsonObject) c).getJsonObject("meta")).isEqualTo(new JsonObject().put("v", 2)));

    assertThat(get("/" + group + "/").bodyAsJsonArray()).isEqualTo(instances);

    HttpResponse<Buffer> unknown = get("/unknown-" + group);
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.bodyAsJsonArray()).isEmpty();
  }

  @Test
  @DisplayName("limit pages a listing with a Link header to the next page; bad limit or cursor is a 400")
  void pagination() {
    for (String id : List.of("a", "b", "c", "d", "e")) {
      post("/" + group + "/" + id, null);
    }
    HttpResponse<Buffer> first = get("/" + group + "?limit=2");
    assertThat(first.bodyAsJsonArray()).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("a", "b");
    String next = nextLink(first);
    HttpResponse<Buffer> second = get(next);
    assertThat(second.bodyAsJsonArray()).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("c", "d");
    HttpResponse<Buffer> last = get(nextLink(second));
    assertThat(last.bodyAsJsonArray()).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("e");
    assertThat(last.getHeader("Link")).isNull();
    assertThat(get("/" + group).bodyAsJsonArray()).hasSize(5);
    assertThat(get("/" + group).getHeader("Link")).isNull();

    post("/" + group + "-z/x", null);
    HttpResponse<Buffer> groups = get("/?limit=1");
    assertThat(groups.bodyAsJsonArray()).hasSize(1);
    assertThat(get(nextLink(groups)).bodyAsJsonArray().getJsonObject(0).getString("group")).isEqualTo(group + "-z");

    for (String limit : List.of("0", "1001", "-1", "abc", "1.5")) {
      assertProblem(get("/" + group + "?limit=" + limit), 400, "INVALID_QUERY", "limit");
    }
    assertProblem(get("/" + group + "?cursor=***"), 400, "INVALID_QUERY", "cursor");
  }

  private static String nextLink(HttpResponse<Buffer> response) {
    String link = response.getHeader("Link");
    assertThat(link).as("Link header").isNotNull().endsWith("; rel=\"next\"");
    return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
  }

  @Test
  @DisplayName("GET /:group/:id returns one live instance, 404 otherwise")
  void getOneInstance() {
    post("/" + group + "/a", "{\"meta\":{\"k\":1}}");
    JsonObject instance = get("/" + group + "/a").bodyAsJsonObject();
    assertThat(instance.getString("id")).isEqualTo("a");
    assertThat(instance.getJsonObject("meta")).isEqualTo(new JsonObject().put("k", 1));
    assertProblem(get("/" + group + "/b"), 404, "INSTANCE_NOT_FOUND", null);
  }

  @Test
  @DisplayName("a path segment or query string whose escapes do not decode is a 400 on each heartbeat route, and nothing is stored")
  void undecodableEscapes() {
    assertProblem(post("/" + group + "/%zz", "{}"), 400, "MALFORMED_REQUEST", null);
    assertProblem(post("/" + group + "/i-1?x=%%", "{}"), 400, "MALFORMED_REQUEST", null);
    assertProblem(send(HttpMethod.DELETE, "/" + group + "/%", null), 400, "MALFORMED_REQUEST", null);
    assertProblem(get("/" + group + "/%zz"), 400, "MALFORMED_REQUEST", null);
    assertProblem(get("/" + group + "%zz"), 400, "MALFORMED_REQUEST", null);
    assertThat(get("/" + group + "/i-1").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("an unknown route is a 404 and a wrong method a 405, both problem+json, under every domain's segment too")
  void unknownRoutes() {
    assertProblem(get("/a/b/c"), 404, "NOT_FOUND", null);
    assertProblem(send(HttpMethod.PUT, "/" + group + "/a", "{}"), 405, "METHOD_NOT_ALLOWED", null);
    assertProblem(get("/" + group + "?cursor=%%%"), 400, "MALFORMED_REQUEST", null);
    assertProblem(get("/alerts/a/b"), 404, "NOT_FOUND", null);
    assertProblem(send(HttpMethod.PUT, "/alerts/events", "{}"), 405, "METHOD_NOT_ALLOWED", null);
    assertProblem(send(HttpMethod.DELETE, "/users/u-1/streams", null), 405, "METHOD_NOT_ALLOWED", null);
    assertProblem(send(HttpMethod.PUT, "/devices/d-1", "{}"), 405, "METHOD_NOT_ALLOWED", null);
    assertProblem(send(HttpMethod.PUT, "/services", "{}"), 405, "METHOD_NOT_ALLOWED", null);
  }

  @Test
  @DisplayName("a group whose name only starts with a reserved segment (usersgroup, alerts2) is an ordinary group")
  void groupsStartingWithReservedSegments() {
    for (String prefixed : List.of("usersgroup", "alerts2", "services-a", "devices.b")) {
      assertThat(post("/" + prefixed + "/i-1", null).statusCode()).as(prefixed).isEqualTo(201);
      assertThat(get("/" + prefixed + "/i-1").statusCode()).as(prefixed).isEqualTo(200);
      assertThat(get("/" + prefixed).bodyAsJsonArray()).as(prefixed).hasSize(1);
      assertThat(send(HttpMethod.DELETE, "/" + prefixed + "/i-1", null).statusCode()).as(prefixed).isEqualTo(204);
    }
  }

  @Test
  @DisplayName("reads stop showing an instance once its TTL has passed, with no sweep having run")
  void readsHideExpiredWithoutSweep() {
    withNode(Map.of("PULSE_HEARTBEAT_TTL_MS", "300", "PULSE_EXPIRY_INTERVAL_MS", "3600000"), (other, shortClient) -> {
      AtomicInteger sweptEvents = new AtomicInteger();
      other.eventBus().consumer(Addresses.DISCOVERY_INSTANCE_EXPIRED, message -> sweptEvents.incrementAndGet());

      assertThat(send(shortClient, HttpMethod.POST, "/" + group + "/a", null).statusCode()).isEqualTo(201);
      assertThat(send(shortClient, HttpMethod.GET, "/" + group, null).bodyAsJsonArray()).hasSize(1);

      Eventually.poll(vertx, 5000, "GET /:group empty after the TTL", () ->
          shortClient.get("/" + group).send().map(r -> r.bodyAsJsonArray().isEmpty())).await();

      assertThat(send(shortClient, HttpMethod.GET, "/", null).bodyAsJsonArray()).isEmpty();
      assertProblem(send(shortClient, HttpMethod.GET, "/" + group + "/a", null), 404, "INSTANCE_NOT_FOUND", null);
      assertThat(sweptEvents).hasValue(0);
    });
  }

  @Test
  @DisplayName("the sweep removes an expired instance and publishes discovery.instance-expired with it")
  void sweepPublishesExpiry() {
    withNode(Map.of("PULSE_HEARTBEAT_TTL_MS", "200", "PULSE_EXPIRY_INTERVAL_MS", "25"), (other, shortClient) -> {
      Promise<Instance> expired = Promise.promise();
      other.eventBus().<Instance>consumer(Addresses.DISCOVERY_INSTANCE_EXPIRED, message -> {
        if (message.body().group().equals(group)) {
          expired.tryComplete(message.body());
        }
      });

      JsonObject registered = send(shortClient, HttpMethod.POST, "/" + group + "/a", "{\"meta\":{\"z\":1}}")
          .bodyAsJsonObject();
      Instance instance = expired.future().timeout(5, java.util.concurrent.TimeUnit.SECONDS).await();

      assertThat(instance).isEqualTo(new Instance("a", group, registered.getLong("createdAt"),
          registered.getLong("updatedAt"), "{\"z\":1}"));
      assertThat(send(shortClient, HttpMethod.GET, "/" + group, null).bodyAsJsonArray()).isEmpty();
      assertThat(send(shortClient, HttpMethod.POST, "/" + group + "/a", null).statusCode()).isEqualTo(201);
    });
  }
}
