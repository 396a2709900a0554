package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Pulse;
import dev.pulse.support.NodeConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the HTTP contract suites: a whole Pulse node (every verticle, the real config path, an
 * ephemeral port) per test, on the store the subclass chooses, and the helpers to talk to it.
 */
abstract class NodeContract {

  final NodeConfigs configs;
  Vertx vertx;
  Pulse node;
  WebClient client;

  NodeContract(NodeConfigs configs) {
    this.configs = configs;
  }

  @BeforeEach
  void startNode(Vertx vertx) {
    this.vertx = vertx;
    node = Pulse.deploy(vertx, configs.shared(nodeEnv())).await();
    client = clientFor(vertx, node);
  }

  /** The main node's configuration overrides ({@code PULSE_*} variables); none unless a suite needs some. */
  Map<String, String> nodeEnv() {
    return Map.of();
  }

  @AfterEach
  void stopNode() {
    node.stop().await();
  }

  /** Runs {@code test} against an extra node with {@code env} overrides, in a Vert.x and key space of its own. */
  void withNode(Map<String, String> env, BiConsumer<Vertx, WebClient> test) {
    Vertx other = Vertx.vertx();
    try {
      Pulse extra = Pulse.deploy(other, configs.isolated(env)).await();
      test.accept(other, clientFor(other, extra));
      extra.stop().await();
    } finally {
      other.close().await();
    }
  }

  /** Starts an extra node with {@code env} overrides, in {@code other}'s Vert.x and a key space of its own. */
  Pulse startIsolated(Vertx other, Map<String, String> env) {
    return Pulse.deploy(other, configs.isolated(env)).await();
  }

  /** A request to the main node; {@code body} null sends none. */
  HttpResponse<Buffer> send(HttpMethod method, String path, String body) {
    return send(client, method, path, body);
  }

  HttpResponse<Buffer> get(String path) {
    return send(HttpMethod.GET, path, null);
  }

  static WebClient clientFor(Vertx vertx, Pulse node) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.port()), new PoolOptions().setHttp1MaxSize(64));
  }

  static HttpResponse<Buffer> send(WebClient client, HttpMethod method, String path, String body) {
    var request = client.request(method, path);
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  static void assertProblem(HttpResponse<Buffer> response, int status, String code, String field) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("type")).startsWith("urn:pulse:problem:");
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getString("field")).isEqualTo(field);
  }

  /** Sends {@code count} requests at once and waits for all of them. */
  static List<HttpResponse<Buffer>> concurrently(int count, IntFunction<Future<HttpResponse<Buffer>>> request) {
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(request.apply(i));
    }
    Future.all(all).await();
    return all.stream().map(Future::result).toList();
  }
}
