package dev.pulse.http;

import static dev.pulse.http.NodeContract.assertProblem;
import static dev.pulse.http.NodeContract.clientFor;
import static dev.pulse.http.NodeContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Pulse;
import dev.pulse.support.Eventually;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node on a standalone Redis that dies while the node runs. The event-bus timeout is set far
 * above the Redis timeout, so a 503 (not a 504) shows the answer came from the bounded store call.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A node whose Redis stalls, dies and comes back")
class RedisOutageTest {

  private final LocalRedis redis = LocalRedis.standalone();
  private Pulse node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop().await();
    }
    redis.close();
  }

  private WebClient startNode(Vertx vertx, boolean failOpen) {
    Map<String, String> env = new HashMap<>(Map.of(
        "PULSE_STORE", "redis",
        "PULSE_REDIS_TYPE", "standalone",
        "PULSE_REDIS_ENDPOINTS", redis.endpointList(),
        "PULSE_REDIS_KEY_PREFIX", TestConfig.uniquePrefix(),
        "PULSE_REDIS_TIMEOUT_MS", "500",
        "PULSE_EVENTBUS_TIMEOUT_MS", "20000"));
    env.put("PULSE_STREAM_FAIL_OPEN", Boolean.toString(failOpen));
    node = Pulse.deploy(vertx, TestConfig.memory(env)).await();
    return clientFor(vertx, node);
  }

  private static HttpResponse<Buffer> start(WebClient client, String streamId) {
    return send(client, HttpMethod.POST, "/users/u1/streams", "{\"streamId\":\"" + streamId + "\"}");
  }

  @Test
  @DisplayName("by default a start is refused at once with 503 STORE_UNAVAILABLE (fail closed)")
  void failClosed(Vertx vertx) {
    WebClient client = startNode(vertx, false);
    assertThat(start(client, "before").statusCode()).isEqualTo(201);

    redis.close();

    assertProblem(start(client, "during"), 503, "STORE_UNAVAILABLE", null);
    assertProblem(send(client, HttpMethod.POST, "/web/i-1", null), 503, "STORE_UNAVAILABLE", null);
  }

  @Test
  @DisplayName("with PULSE_STREAM_FAIL_OPEN=true a start is admitted unchecked and marked degraded")
  void failOpen(Vertx vertx) {
    WebClient client = startNode(vertx, true);

    redis.close();

    HttpResponse<Buffer> admitted = start(client, "during");
    assertThat(admitted.statusCode()).isEqualTo(201);
    JsonObject body = admitted.bodyAsJsonObject();
    assertThat(body.getString("streamId")).isEqualTo("during");
    assertThat(body.getBoolean("degraded")).isTrue();
  }

  @Test
  @DisplayName("a Redis that stops answering fails requests with 503 after PULSE_REDIS_TIMEOUT_MS, not a hang")
  void stalledRedis(Vertx vertx) {
    WebClient client = startNode(vertx, false);
    assertThat(start(client, "before").statusCode()).isEqualTo(201);

    redis.freeze();

    long began = System.nanoTime();
    assertProblem(start(client, "during"), 503, "STORE_UNAVAILABLE", null);
    long tookMs = (System.nanoTime() - began) / 1_000_000;
    // A bound against hanging, not a speed test: a start makes two Redis calls of 500 ms at most.
    assertThat(tookMs).as("answered within the Redis timeouts, ms").isLessThan(5_000);
    assertProblem(send(client, HttpMethod.POST, "/web/i-1", null), 503, "STORE_UNAVAILABLE", null);
    redis.thaw();
  }

  @Test
  @DisplayName("Redis stopped: readiness 503 naming Redis and requests 503 at once; Redis back: both recover without a restart")
  void outageAndRecovery(Vertx vertx) {
    WebClient client = startNode(vertx, false);
    HttpResponse<Buffer> ready = send(client, HttpMethod.GET, "/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getJsonArray("checks").getJsonObject(1).getString("name")).isEqualTo("redis");
    assertThat(send(client, HttpMethod.POST, "/web/i-1", null).statusCode()).isEqualTo(201);

    redis.stop();

    HttpResponse<Buffer> down = send(client, HttpMethod.GET, "/health/ready", null);
    assertThat(down.statusCode()).isEqualTo(503);
    JsonObject redisCheck = down.bodyAsJsonObject().getJsonArray("checks").getJsonObject(1);
    assertThat(redisCheck.getString("status")).isEqualTo("DOWN");
    assertThat(redisCheck.getString("detail")).startsWith("PING failed");
    assertProblem(send(client, HttpMethod.POST, "/web/i-2", null), 503, "STORE_UNAVAILABLE", null);
    assertProblem(send(client, HttpMethod.POST, "/services", "{\"name\":\"s\",\"version\":\"1\","
        + "\"endpoints\":[\"http://a:1\"]}"), 503, "STORE_UNAVAILABLE", null);

    redis.restart();

    Eventually.poll(vertx, 10_000, "ready again", () -> client.get("/health/ready").send()
        .map(r -> r.statusCode() == 200)).await();
    assertThat(send(client, HttpMethod.POST, "/web/i-3", null).statusCode()).as("Redis restarted empty").isEqualTo(201);
    assertThat(start(client, "after").statusCode()).isEqualTo(201);
  }
}
