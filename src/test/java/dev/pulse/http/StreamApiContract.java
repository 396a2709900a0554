package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Addresses;
import dev.pulse.support.NodeConfigs;
import dev.pulse.streams.Lease;
import dev.pulse.support.Eventually;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stream-limit HTTP API against a whole node, run once per store. */
abstract class StreamApiContract extends NodeContract {

  String user;

  StreamApiContract(NodeConfigs configs) {
    super(configs);
  }

  @BeforeEach
  void newUser() {
    user = "u-" + UUID.randomUUID();
  }

  HttpResponse<Buffer> startStream(String body) {
    return send(HttpMethod.POST, "/users/" + user + "/streams", body);
  }

  @Test
  @DisplayName("a start is admitted with 201 and the lease; a retry of the same stream is 200 and takes no slot")
  void admitThenRetry() {
    HttpResponse<Buffer> admitted = startStream("{\"streamId\":\"s1\",\"contentId\":\"movie-9\",\"deviceId\":\"tv\"}");

    assertThat(admitted.statusCode()).isEqualTo(201);
    JsonObject lease = admitted.bodyAsJsonObject();
    assertThat(lease.fieldNames()).containsExactlyInAnyOrder("userId", "streamId", "contentId", "deviceId",
        "startedAt", "expiresAt", "active", "limit");
    assertThat(lease.getString("userId")).isEqualTo(user);
    assertThat(lease.getString("streamId")).isEqualTo("s1");
    assertThat(lease.getString("contentId")).isEqualTo("movie-9");
    assertThat(lease.getString("deviceId")).isEqualTo("tv");
    assertThat(lease.getLong("expiresAt") - lease.getLong("startedAt")).isEqualTo(60_000);
    assertThat(lease.getInteger("active")).isEqualTo(1);
    assertThat(lease.getInteger("limit")).isEqualTo(3);

    HttpResponse<Buffer> retry = startStream("{\"streamId\":\"s1\"}");
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.bodyAsJsonObject().getInteger("active")).isEqualTo(1);
    assertThat(retry.bodyAsJsonObject().getLong("startedAt")).isEqualTo(lease.getLong("startedAt"));
    assertThat(retry.bodyAsJsonObject().getLong("expiresAt")).isGreaterThanOrEqualTo(lease.getLong("expiresAt"));
  }

  @Test
  @DisplayName("without a streamId Pulse generates a UUID, and optional fields are null")
  void generatedStreamId() {
    JsonObject lease = startStream(null).bodyAsJsonObject();

    assertThat(UUID.fromString(lease.getString("streamId"))).isNotNull();
    assertThat(lease.getValue("contentId")).isNull();
    assertThat(lease.containsKey("contentId")).isTrue();
    assertThat(startStream("{}").statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("a start over the limit is a 403 STREAM_LIMIT_REACHED with the limit and the active streams")
  void limitReached() {
    for (String id : new String[] {"s1", "s2", "s3"}) {
      assertThat(startStream("{\"streamId\":\"" + id + "\"}").statusCode()).isEqualTo(201);
    }

    HttpResponse<Buffer> refused = startStream("{\"streamId\":\"s4\"}");

    assertProblem(refused, 403, "STREAM_LIMIT_REACHED", null);
    JsonObject problem = refused.bodyAsJsonObject();
    assertThat(problem.getInteger("limit")).isEqualTo(3);
    assertThat(problem.getInteger("active")).isEqualTo(3);
    assertThat(problem.getJsonArray("streams")).extracting(s -> ((JsonObject) s).getString("streamId"))
        .containsExactly("s1", "s2", "s3");
    assertThat(send(HttpMethod.GET, "/users/" + user + "/streams", null).bodyAsJsonObject().getInteger("active"))
        .isEqualTo(3);
  }

  @Test
  @DisplayName("a heartbeat renews a lease (200, later expiresAt); an unknown lease is a 404")
  void heartbeat() {
    JsonObject lease = startStream("{\"streamId\":\"s1\"}").bodyAsJsonObject();

    HttpResponse<Buffer> renewed = send(HttpMethod.POST, "/users/" + user + "/streams/s1/heartbeat", null);
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(renewed.bodyAsJsonObject().getLong("expiresAt")).isGreaterThanOrEqualTo(lease.getLong("expiresAt"));
    assertThat(renewed.bodyAsJsonObject().getString("streamId")).isEqualTo("s1");

    assertProblem(send(HttpMethod.POST, "/users/" + user + "/streams/nope/heartbeat", null), 404,
        "STREAM_NOT_FOUND", null);
  }

  @Test
  @DisplayName("DELETE ends a stream (204) and frees its slot; a second DELETE is a 404")
  void stop() {
    for (String id : new String[] {"s1", "s2", "s3"}) {
      startStream("{\"streamId\":\"" + id + "\"}");
    }
    assertThat(send(HttpMethod.DELETE, "/users/" + user + "/streams/s2", null).statusCode()).isEqualTo(204);
    assertProblem(send(HttpMethod.DELETE, "/users/" + user + "/streams/s2", null), 404, "STREAM_NOT_FOUND", null);
    assertThat(startStream("{\"streamId\":\"s4\"}").statusCode()).isEqualTo(201);

    JsonObject streams = send(HttpMethod.GET, "/users/" + user + "/streams", null).bodyAsJsonObject();
    assertThat(streams.getString("userId")).isEqualTo(user);
    assertThat(streams.getInteger("limit")).isEqualTo(3);
    assertThat(streams.getInteger("active")).isEqualTo(3);
    assertThat(streams.getJsonArray("streams")).extracting(s -> ((JsonObject) s).getString("streamId"))
        .containsExactly("s1", "s3", "s4");
  }

  @Test
  @DisplayName("a per-user limit applies at once; DELETE restores the default; GET shows which applies")
  void perUserLimit() {
    String path = "/users/" + user + "/stream-limit";
    HttpResponse<Buffer> set = send(HttpMethod.PUT, path, "{\"limit\":1}");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.bodyAsJsonObject()).isEqualTo(new JsonObject().put("userId", user).put("limit", 1).put("custom", true));

    assertThat(startStream("{\"streamId\":\"s1\"}").statusCode()).isEqualTo(201);
    assertProblem(startStream("{\"streamId\":\"s2\"}"), 403, "STREAM_LIMIT_REACHED", null);

    assertThat(send(HttpMethod.DELETE, path, null).bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("userId", user).put("limit", 3).put("custom", false));
    assertThat(send(HttpMethod.GET, path, null).bodyAsJsonObject().getInteger("limit")).isEqualTo(3);
    assertThat(startStream("{\"streamId\":\"s2\"}").statusCode()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "POST   | /users/a%20b/streams          |                              | INVALID_ID    | userId",
      "POST   | /users/USER/streams           | `{\"streamId\":\"a b\"}`     | INVALID_ID    | streamId",
      "POST   | /users/USER/streams           | `{\"streamId\":5}`           | INVALID_FIELD | streamId",
      "POST   | /users/USER/streams           | `{\"contentId\":[1]}`        | INVALID_FIELD | contentId",
      "POST   | /users/USER/streams           | `{\"deviceId\":true}`        | INVALID_FIELD | deviceId",
      "POST   | /users/USER/streams           | `{\"streamId\":`             | INVALID_JSON  | body",
      "POST   | /users/USER/streams           | `[1]`                        | INVALID_BODY  | body",
      "POST   | /users/USER/streams/a%2Fb/heartbeat |                        | INVALID_ID    | streamId",
      "DELETE | /users/USER/streams/a%20b     |                              | INVALID_ID    | streamId",
      "GET    | /users/a%2Fb/streams          |                              | INVALID_ID    | userId",
      "PUT    | /users/USER/stream-limit      | `{\"limit\":101}`            | INVALID_FIELD | limit",
      "PUT    | /users/USER/stream-limit      | `{\"limit\":-1}`             | INVALID_FIELD | limit",
      "PUT    | /users/USER/stream-limit      | `{\"limit\":2.5}`            | INVALID_FIELD | limit",
      "PUT    | /users/USER/stream-limit      | `{\"limit\":\"3\"}`          | INVALID_FIELD | limit",
      "PUT    | /users/USER/stream-limit      | `{}`                         | INVALID_FIELD | limit",
      "PUT    | /users/USER/stream-limit      |                              | INVALID_FIELD | limit"})
  @DisplayName("bad ids, bodies and limits are 400s naming the field, and change nothing")
  void badRequests(String method, String path, String body, String code, String field) {
    assertProblem(send(HttpMethod.valueOf(method), path.replace("USER", user), body), 400, code, field);
    assertThat(send(HttpMethod.GET, "/users/" + user + "/streams", null).bodyAsJsonObject().getInteger("active")).isZero();
    assertThat(send(HttpMethod.GET, "/users/" + user + "/stream-limit", null).bodyAsJsonObject().getBoolean("custom"))
        .isFalse();
  }

  @Test
  @DisplayName("a contentId over 256 characters is a 400")
  void longContentId() {
    assertProblem(startStream("{\"contentId\":\"" + "c".repeat(257) + "\"}"), 400, "INVALID_FIELD", "contentId");
    assertThat(startStream("{\"contentId\":\"" + "c".repeat(256) + "\"}").statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("a lease that is not renewed frees its slot: the refused player is admitted once it lapses")
  void leaseLapses() {
    withNode(Map.of("PULSE_STREAM_LEASE_MS", "300", "PULSE_EXPIRY_INTERVAL_MS", "3600000"), (other, shortClient) -> {
      String path = "/users/" + user + "/streams";
      for (String id : new String[] {"s1", "s2", "s3"}) {
        assertThat(send(shortClient, HttpMethod.POST, path, "{\"streamId\":\"" + id + "\"}").statusCode()).isEqualTo(201);
      }
      assertThat(send(shortClient, HttpMethod.POST, path, "{\"streamId\":\"s4\"}").statusCode()).isEqualTo(403);

      Eventually.poll(vertx, 5000, "s4 admitted after the other leases lapse", () ->
          shortClient.post(path).sendBuffer(Buffer.buffer("{\"streamId\":\"s4\"}")).map(r -> r.statusCode() == 201))
          .await();

      // s4 got the slot of the first lease to lapse (s1); s2 and s3 lapse a few ms later.
      assertProblem(send(shortClient, HttpMethod.POST, path + "/s1/heartbeat", null), 404, "STREAM_NOT_FOUND", null);
      JsonArray active = send(shortClient, HttpMethod.GET, path, null).bodyAsJsonObject().getJsonArray("streams");
      assertThat(active).extracting(s -> ((JsonObject) s).getString("streamId")).contains("s4").doesNotContain("s1");
    });
  }

  @Test
  @DisplayName("the sweep removes a lapsed lease and publishes streams.lease-expired with it")
  void sweepPublishesExpiry() {
    withNode(Map.of("PULSE_STREAM_LEASE_MS", "200", "PULSE_EXPIRY_INTERVAL_MS", "25"), (other, shortClient) -> {
      Promise<Lease> expired = Promise.promise();
      other.eventBus().<Lease>consumer(Addresses.STREAMS_LEASE_EXPIRED, message -> {
        if (message.body().userId().equals(user)) {
          expired.tryComplete(message.body());
        }
      });
      JsonObject admitted = send(shortClient, HttpMethod.POST, "/users/" + user + "/streams",
          "{\"streamId\":\"s1\",\"contentId\":\"c\"}").bodyAsJsonObject();

      Lease lease = expired.future().timeout(5, TimeUnit.SECONDS).await();

      assertThat(lease).isEqualTo(new Lease(user, "s1", "c", null, admitted.getLong("startedAt"),
          admitted.getLong("expiresAt")));
      assertThat(send(shortClient, HttpMethod.GET, "/users/" + user + "/streams", null).bodyAsJsonObject()
          .getInteger("active")).isZero();
    });
  }
}
