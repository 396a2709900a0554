package dev.pulse.http;

import static dev.pulse.http.NodeContract.concurrently;
import static dev.pulse.http.NodeContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Pulse;
import dev.pulse.support.LocalRedis;
import dev.pulse.support.RedisClusterExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stream limit holds exactly with two nodes admitting at once on one Redis Cluster. */
@ExtendWith({VertxExtension.class, RedisClusterExtension.class})
@DisplayName("Stream limits across two Pulse nodes on one Redis Cluster")
class TwoNodeStreamLimitTest {

  private final TwoNodes nodes;

  TwoNodeStreamLimitTest(LocalRedis cluster) {
    nodes = new TwoNodes(cluster);
  }

  @BeforeEach
  void start(Vertx vertxA) {
    nodes.start(vertxA, Map.of());
  }

  @AfterEach
  void stop() {
    nodes.stop();
  }

  private WebClient node(int i) {
    return i % 2 == 0 ? nodes.clientA : nodes.clientB;
  }

  private static long count(List<HttpResponse<Buffer>> responses, int status) {
    return responses.stream().filter(r -> r.statusCode() == status).count();
  }

  @Test
  @DisplayName("200 concurrent starts for one user over both nodes admit exactly 3, twenty times over")
  void exactLimitUnderConcurrency() {
    for (int round = 0; round < 20; round++) {
      String user = "u-" + UUID.randomUUID();
      List<HttpResponse<Buffer>> responses = concurrently(200, i -> node(i)
          .post("/users/" + user + "/streams").sendBuffer(Buffer.buffer("{\"streamId\":\"s" + i + "\"}")));

      assertThat(count(responses, 201)).as("admitted in round " + round).isEqualTo(3);
      assertThat(count(responses, 403)).as("refused in round " + round).isEqualTo(197);
      assertThat(send(nodes.clientB, HttpMethod.GET, "/users/" + user + "/streams", null).bodyAsJsonObject()
          .getInteger("active")).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("with stops and heartbeats mixed into concurrent starts, admissions never exceed the freed slots")
  void exactLimitWithStopsAndHeartbeats() {
    for (int round = 0; round < 20; round++) {
      String user = "u-" + UUID.randomUUID();
      String streams = "/users/" + user + "/streams";
      for (String id : List.of("held-0", "held-1", "held-2")) {
        assertThat(send(nodes.clientA, HttpMethod.POST, streams, "{\"streamId\":\"" + id + "\"}").statusCode()).isEqualTo(201);
      }

      List<HttpResponse<Buffer>> responses = concurrently(200, i -> switch (i % 10) {
        case 0 -> node(i).delete(streams + "/held-" + (i / 10 % 3)).send();
        case 1, 2 -> node(i).post(streams + "/held-" + (i % 3) + "/heartbeat").send();
        default -> node(i).post(streams).sendBuffer(Buffer.buffer("{\"streamId\":\"new-" + i + "\"}"));
      });

      long stopped = count(responses, 204);
      long admitted = count(responses, 201);
      int active = send(nodes.clientA, HttpMethod.GET, streams, null).bodyAsJsonObject().getInteger("active");
      assertThat(stopped).as("each held stream is stopped once").isEqualTo(3);
      assertThat(admitted).as("admissions in round " + round).isLessThanOrEqualTo(stopped);
      assertThat(active).isEqualTo(3 - stopped + admitted).isLessThanOrEqualTo(3);
      assertThat(responses).allMatch(r -> List.of(200, 201, 204, 403, 404).contains(r.statusCode()));
    }
  }
}
