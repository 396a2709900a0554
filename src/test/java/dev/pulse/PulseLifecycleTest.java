package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.support.Eventually;
import dev.pulse.support.TestConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Node start-up and shutdown")
class PulseLifecycleTest {

  @Test
  @DisplayName("a port already in use fails the deployment and leaves nothing deployed")
  void portInUse(Vertx vertx) {
    HttpServer squatter = vertx.createHttpServer().requestHandler(r -> r.response().end()).listen(0).await();

    assertThatThrownBy(() -> Pulse.deploy(vertx, TestConfig.memory(Map.of(
        "PULSE_HTTP_PORT", Integer.toString(squatter.actualPort()), "PULSE_HTTP_INSTANCES", "1"))).await())
        .hasMessageContaining("Address already in use");
    assertThat(vertx.deploymentIDs()).isEmpty();
  }

  @Test
  @DisplayName("an unreachable Redis fails the deployment with the endpoint named and leaves nothing deployed")
  void redisUnreachable(Vertx vertx) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String endpoint = "redis://127.0.0.1:" + closedPort;

    assertThatThrownBy(() -> Pulse.deploy(vertx, TestConfig.memory(Map.of(
        "PULSE_STORE", "redis", "PULSE_REDIS_ENDPOINTS", endpoint))).await())
        .hasMessageContaining(endpoint);
    assertThat(vertx.deploymentIDs()).isEmpty();
  }

  @Test
  @DisplayName("stopping a node lets an in-flight request finish before the server closes")
  void inFlightRequestFinishesDuringStop(Vertx vertx) {
    Pulse node = Pulse.deploy(vertx, TestConfig.memory(Map.of())).await();
    HttpClient client = vertx.createHttpClient();
    HttpClientRequest request = client.request(HttpMethod.POST, node.port(), "127.0.0.1", "/g/in-flight").await();
    Promise<Void> headReceived = Promise.promise();
    request.setChunked(true).putHeader("Expect", "100-continue").continueHandler(v -> headReceived.complete());
    request.sendHead().await();
    within(headReceived.future(), "100 Continue from the node").await();

    Future<Void> stopped = node.stop();
    // The body is sent once the node refuses new connections, so the request is in flight while the
    // server shuts down. (Sent at once instead, racing the stop, the response sometimes did not come
    // within 10 s in full CI runs: an open problem, see the README's Shutdown section.)
    NetClient probe = vertx.createNetClient();
    Eventually.poll(vertx, 5000, "the node refuses new connections", () -> probe.connect(node.port(), "127.0.0.1")
        .compose(socket -> socket.close().map(false)).otherwise(true)).await();
    // Status and body are read in one chain on the event loop, so no chunk can pass unobserved.
    Future<String> reply = request.end("{\"meta\":{\"late\":true}}")
        .compose(sent -> request.response())
        .compose(response -> response.body().map(body -> response.statusCode() + " " + body));
    String statusAndBody = within(reply, "the response to the in-flight request").await();
    within(stopped, "the node's stop").await();

    assertThat(statusAndBody).startsWith("201 ").contains("\"late\":true");
    assertThat(vertx.deploymentIDs()).isEmpty();
  }

  /** {@code future}, failed with a message naming {@code what} when it takes more than 10 s. */
  private static <T> Future<T> within(Future<T> future, String what) {
    return future.timeout(10, java.util.concurrent.TimeUnit.SECONDS)
        .recover(failure -> Future.failedFuture(new AssertionError("no " + what + " within 10 s", failure)));
  }
}
