package dev.pulse.ops;

import static dev.pulse.support.RawHttp.readHead;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.pulse.Pulse;
import dev.pulse.config.PulseConfig;
import dev.pulse.support.Eventually;
import dev.pulse.support.RawHttp;
import dev.pulse.support.TestConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A node as production runs it (a Vert.x built by {@link PulseMetrics#newVertx} with one event loop
 * per HTTP verticle), with the JSON encoder capturing what the access log and the discovery domain
 * write. One HTTP verticle here, so that the discovery verticle shares its event loop: the request
 * id must reach the domain's log line on that path too.
 */
@DisplayName("Operations: request ids, JSON access log, Prometheus metrics, readiness, graceful shutdown")
class OperationsTest {

  private static final Pattern SAMPLE = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? -?[0-9.eE+-]+|NaN|[+-]Inf");

  private final JsonObject config = TestConfig.memory(Map.of("PULSE_HTTP_READINESS_DRAIN_MS", "1000",
      "PULSE_HTTP_INSTANCES", "1"));
  private final Vertx vertx = PulseMetrics.newVertx(
      new VertxOptions().setEventLoopPoolSize(PulseConfig.from(config).eventLoops()));
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private OutputStreamAppender<ILoggingEvent> appender;
  private Pulse node;
  private WebClient client;

  @BeforeEach
  void start() {
    captureJsonLogs();
    node = Pulse.deploy(vertx, config).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()));
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop().await();
    }
    vertx.close().await();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    for (String name : List.of("pulse.access", "dev.pulse.discovery")) {
      context.getLogger(name).detachAppender(appender);
      context.getLogger(name).setLevel(null);
      context.getLogger(name).setAdditive(true);
    }
    appender.stop();
  }

  private void captureJsonLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(logged);
    appender.start();
    for (String name : List.of("pulse.access", "dev.pulse.discovery")) {
      context.getLogger(name).setLevel(Level.DEBUG);
      context.getLogger(name).setAdditive(false);
      context.getLogger(name).addAppender(appender);
    }
  }

  private List<JsonObject> jsonLines() {
    synchronized (logged) {
      return Arrays.stream(logged.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank())
          .map(JsonObject::new).toList();
    }
  }

  private List<JsonObject> linesWithRequestId(String requestId) {
    return jsonLines().stream().filter(line -> requestId.equals(line.getString("requestId"))).toList();
  }

  @Test
  @DisplayName("X-Request-Id is returned and carried into the JSON access line and into the domain verticle's line")
  void requestIdInResponseAndLogs() {
    HttpResponse<Buffer> response = client.post("/web/i-1").putHeader("X-Request-Id", "req-abc-1").send().await();
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.getHeader("X-Request-Id")).isEqualTo("req-abc-1");

    Eventually.poll(vertx, 5000, "access line written",
        () -> Future.succeededFuture(linesWithRequestId("req-abc-1").size() == 2)).await();
    JsonObject access = linesWithRequestId("req-abc-1").stream()
        .filter(line -> line.getString("logger_name").equals("pulse.access")).findFirst().orElseThrow();
    assertThat(access.getString("method")).isEqualTo("POST");
    assertThat(access.getString("route")).isEqualTo("POST /:group/:id");
    assertThat(access.getInteger("status")).isEqualTo(201);
    assertThat(access.getDouble("latencyMs")).isNotNegative();
    assertThat(access.getLong("bytes")).isEqualTo(Long.parseLong(response.getHeader("Content-Length")));
    JsonObject domain = linesWithRequestId("req-abc-1").stream()
        .filter(line -> line.getString("logger_name").endsWith("DiscoveryVerticle")).findFirst().orElseThrow();
    // Logged by the discovery verticle, which handled the heartbeat in the HTTP verticle's turn.
    assertThat(domain.getString("message")).contains("instance registered group=web id=i-1");
  }

  @Test
  @DisplayName("without a usable X-Request-Id, a new id is made, returned and logged; errors are logged by template")
  void generatedRequestId() {
    HttpResponse<Buffer> none = client.get("/web/bad%20id").send().await();
    HttpResponse<Buffer> unsafe = client.get("/").putHeader("X-Request-Id", "a b\"c").send().await();
    String generated = none.getHeader("X-Request-Id");
    assertThat(generated).matches("[0-9a-f-]{36}");
    assertThat(unsafe.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}").isNotEqualTo(generated);
    Eventually.poll(vertx, 5000, "access line written",
        () -> Future.succeededFuture(!linesWithRequestId(generated).isEmpty())).await();
    JsonObject access = linesWithRequestId(generated).get(0);
    assertThat(access.getString("route")).isEqualTo("GET /:group/:id");
    assertThat(access.getInteger("status")).isEqualTo(400);
  }

  @Test
  @DisplayName("GET /metrics is Prometheus text whose request and domain counters move with requests")
  void prometheusMetrics() {
    double before = sample(scrape(), "pulse_heartbeats_total{outcome=\"registered\"}");
    assertThat(client.post("/web/i-2").send().await().statusCode()).isEqualTo(201);
    assertThat(client.post("/web/i-2").send().await().statusCode()).isEqualTo(200);
    // A request is counted as its response ends, which may be just after the client has it.
    Eventually.poll(vertx, 5000, "the 201 counted", () -> client.get("/metrics").send().map(r ->
        sample(r.bodyAsString(), "vertx_http_server_requests_total{code=\"201\",route=\"POST /:group/:id\"}") >= 1))
        .await();
    String text = scrape();
    for (String line : text.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        assertThat(SAMPLE.matcher(line).matches()).as("a Prometheus sample line: %s", line).isTrue();
      }
    }
    assertThat(sample(text, "pulse_heartbeats_total{outcome=\"registered\"}")).isEqualTo(before + 1);
    assertThat(sample(text, "pulse_heartbeats_total{outcome=\"renewed\"}")).isGreaterThanOrEqualTo(1);
    assertThat(sample(text, "vertx_http_server_requests_total{code=\"201\",route=\"POST /:group/:id\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(text).contains("vertx_http_server_response_time_seconds_bucket{code=\"201\","
        + "route=\"POST /:group/:id\",le=\"0.005\"}");
    assertThat(text).doesNotContain("/web/i-2").as("no raw paths as labels");
  }

  @Test
  @DisplayName("routes under a domain's segment are labelled by their whole template, success or failure")
  void domainRouteTemplates() {
    assertThat(client.post("/users/u-7/streams").sendJsonObject(new JsonObject().put("streamId", "s-1")).await()
        .statusCode()).isEqualTo(201);
    assertThat(client.get("/alerts/no-such-alert").send().await().statusCode()).isEqualTo(404);
    String started = "vertx_http_server_requests_total{code=\"201\",route=\"POST /users/:userId/streams\"}";
    String missing = "vertx_http_server_requests_total{code=\"404\",route=\"GET /alerts/:alertId\"}";
    Eventually.poll(vertx, 5000, "both counted", () -> client.get("/metrics").send().map(r ->
        sample(r.bodyAsString(), started) >= 1 && sample(r.bodyAsString(), missing) >= 1)).await();
    String text = scrape();
    assertThat(sample(text, started)).isEqualTo(1);
    assertThat(sample(text, missing)).isEqualTo(1);
  }

  @Test
  @DisplayName("a request whose client went away before its response ended is counted as code reset, not 200")
  void clientGoneIsReset() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", node.port())) {
      socket.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: x\r\nX-Request-Id: gone-1\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
    }

    Eventually.poll(vertx, 5000, "the reset counted", () -> client.get("/metrics").send().map(r ->
        sample(r.bodyAsString(), "vertx_http_server_requests_total{code=\"reset\",route=\"GET /events\"}") == 1))
        .await();
    String text = scrape();
    assertThat(text).doesNotContain("vertx_http_server_requests_total{code=\"200\",route=\"GET /events\"}");
    Eventually.poll(vertx, 5000, "access line written",
        () -> Future.succeededFuture(!linesWithRequestId("gone-1").isEmpty())).await();
    assertThat(linesWithRequestId("gone-1").get(0).getInteger("status")).isZero();
  }

  private String scrape() {
    HttpResponse<Buffer> response = client.get("/metrics").send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
    return response.bodyAsString();
  }

  private static double sample(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1));
      }
    }
    return 0;
  }

  @Test
  @DisplayName("readiness is UP with its checks; on shutdown it turns 503 first, and an in-flight request still completes")
  void gracefulShutdown() throws Exception {
    HttpResponse<Buffer> ready = client.get("/health/ready").send().await();
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getJsonArray("checks").getJsonObject(0).getString("status")).isEqualTo("UP");

    int port = node.port();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      // A heartbeat whose body has not arrived yet: in flight when the shutdown begins.
      out.write(("POST /web/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Future<Void> stopping = node.stop();
      node = null;
      // First readiness turns 503 while the node still accepts (the 1 s drain)...
      Eventually.poll(vertx, 5000, "readiness 503 while draining", () -> client.get("/health/ready").send()
          .map(r -> r.statusCode() == 503 && r.bodyAsJsonObject().getString("status").equals("DOWN"))).await();
      // ...then the server stops accepting; only then does the in-flight request get its body.
      Eventually.poll(vertx, 10_000, "new connections refused",
          () -> vertx.executeBlocking(() -> RawHttp.refusesConnections(port))).await();
      out.write("{}".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = readHead(socket.getInputStream());
      assertThat(reply).startsWith("HTTP/1.1 201");
      stopping.await();
    }
  }
}
