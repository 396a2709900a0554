package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.support.NodeConfigs;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The device-readings HTTP API, paths and shapes of the original spec, against a whole node; once per store. */
abstract class ReadingApiContract extends NodeContract {

  String device;

  ReadingApiContract(NodeConfigs configs) {
    super(configs);
  }

  @BeforeEach
  void newDevice() {
    device = UUID.randomUUID().toString();
  }

  HttpResponse<Buffer> ingest(JsonArray readings) {
    return send(HttpMethod.POST, "/ingest", new JsonObject().put("id", device).put("readings", readings).encode());
  }

  static JsonObject reading(String timestamp, Object count) {
    return new JsonObject().put("timestamp", timestamp).put("count", count);
  }

  @Test
  @DisplayName("the example batch: 202, cumulative 17, latest timestamp as sent, data in time order")
  void exampleBatch() {
    HttpResponse<Buffer> response = ingest(new JsonArray()
        .add(reading("2021-09-29T16:08:15+01:00", 2)).add(reading("2021-09-29T16:09:15+01:00", 15)));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("results", new JsonArray()
        .add(new JsonObject().put("id", device).put("timestamp", "2021-09-29T16:08:15+01:00").put("status", 202)
            .put("success", true))
        .add(new JsonObject().put("id", device).put("timestamp", "2021-09-29T16:09:15+01:00").put("status", 202)
            .put("success", true))));
    assertThat(get("/devices/" + device + "/cumulative_count").bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("cumulative_count", 17));
    assertThat(get("/devices/" + device + "/latest_timestamp").bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("latest_timestamp", "2021-09-29T16:09:15+01:00"));
    assertThat(get("/devices/" + device).bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("data", new JsonObject().put("2021-09-29T16:08:15+01:00", 2).put("2021-09-29T16:09:15+01:00", 15))
        .put("latest_timestamp", "2021-09-29T16:09:15+01:00").put("cumulative_count", 17));
  }

  @Test
  @DisplayName("a batch with any reading not accepted is a 207 with one result per reading, in order")
  void multiStatus() {
    ingest(new JsonArray().add(reading("2023-01-01T00:00:00Z", 1)));

    HttpResponse<Buffer> response = ingest(new JsonArray()
        .add(reading("2023-01-01T01:00:00+01:00", 5))
        .add(reading("2023-01-02T00:00:00Z", 2))
        .add(reading("2023-01-02T00:00:00.000Z", 2))
        .add(reading("2023-01-03T00:00:00", 1))
        .add(new JsonObject().put("count", 1))
        .add(reading("2023-01-04T00:00:00Z", -1))
        .add(reading("2023-01-04T00:00:00Z", 2147483648L))
        .add(reading("2023-01-04T00:00:00Z", 1.5))
        .add(reading("2023-01-04T00:00:00Z", "3"))
        .add(new JsonObject().put("timestamp", "2023-01-04T00:00:00Z"))
        .add(reading("2023-01-04T00:00:00Z", 2147483647L)));

    assertThat(response.statusCode()).isEqualTo(207);
    JsonArray results = response.bodyAsJsonObject().getJsonArray("results");
    assertThat(results).extracting(r -> ((JsonObject) r).getInteger("status"))
        .containsExactly(409, 202, 409, 400, 400, 400, 400, 400, 400, 400, 202);
    assertThat(results.getJsonObject(0).getString("error")).contains(device).contains("2023-01-01T01:00:00+01:00")
        .contains("already has a reading");
    assertThat(results.getJsonObject(2).getString("error")).contains("earlier in this batch");
    assertThat(results.getJsonObject(0).getBoolean("success")).isFalse();
    assertThat(get("/devices/" + device + "/cumulative_count").bodyAsJsonObject().getLong("cumulative_count"))
        .isEqualTo(1 + 2 + 2147483647L);
  }

  @Test
  @DisplayName("an empty batch is 202 with no results; a device never accepted is a 404 on every GET")
  void emptyAndUnknown() {
    HttpResponse<Buffer> empty = ingest(new JsonArray());
    assertThat(empty.statusCode()).isEqualTo(202);
    assertThat(empty.bodyAsJsonObject().getJsonArray("results")).isEmpty();
    for (String path : new String[] {"", "/latest_timestamp", "/cumulative_count", "/readings"}) {
      NodeContract.assertProblem(get("/devices/" + device + path), 404, "DEVICE_NOT_FOUND", null);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "malformed JSON        | `{\"id\":`                                   | INVALID_JSON  | body",
      "not an object         | `[1]`                                        | INVALID_BODY  | body",
      "no body               | ``                                           | INVALID_BODY  | body",
      "missing id            | `{\"readings\":[]}`                          | INVALID_FIELD | id",
      "id a number           | `{\"id\":5,\"readings\":[]}`                 | INVALID_FIELD | id",
      "empty id              | `{\"id\":\"\",\"readings\":[]}`              | INVALID_ID    | id",
      "id with a slash       | `{\"id\":\"a/b\",\"readings\":[]}`           | INVALID_ID    | id",
      "missing readings      | `{\"id\":\"d\"}`                             | INVALID_FIELD | readings",
      "readings an object    | `{\"id\":\"d\",\"readings\":{}}`             | INVALID_FIELD | readings"})
  @DisplayName("a bad request as a whole is a 400 naming the field")
  void badRequests(String label, String body, String code, String field) {
    NodeContract.assertProblem(send(HttpMethod.POST, "/ingest", body.isEmpty() ? null : body), 400, code, field);
  }

  @Test
  @DisplayName("more than 10 000 readings in one request is a 413; exactly 10 000 are accepted")
  void tooManyReadings() {
    JsonArray readings = new JsonArray();
    for (int i = 0; i < 10_000; i++) {
      readings.add(reading(java.time.Instant.ofEpochSecond(1_700_000_000L + i).toString(), 1));
    }
    assertThat(ingest(readings).statusCode()).isEqualTo(202);
    readings.add(reading("2030-01-01T00:00:00Z", 1));
    NodeContract.assertProblem(ingest(readings), 413, "TOO_MANY_READINGS", "readings");
    assertThat(get("/devices/" + device + "/cumulative_count").bodyAsJsonObject().getInteger("cumulative_count"))
        .isEqualTo(10_000);
  }

  @Test
  @DisplayName("readings page by time range with a Link; devices list with latest timestamp and total")
  void rangesAndDevices() {
    JsonArray readings = new JsonArray();
    for (int i = 0; i < 5; i++) {
      readings.add(reading("2023-01-01T00:00:0" + i + "+01:00", i));
    }
    ingest(readings);

    HttpResponse<Buffer> first = get("/devices/" + device + "/readings?from=2022-12-31T23:00:01Z&limit=2");
    assertThat(first.bodyAsJsonArray()).isEqualTo(new JsonArray()
        .add(reading("2023-01-01T00:00:01+01:00", 1)).add(reading("2023-01-01T00:00:02+01:00", 2)));
    String link = first.getHeader("Link");
    HttpResponse<Buffer> second = get(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
    assertThat(second.bodyAsJsonArray()).extracting(r -> ((JsonObject) r).getInteger("count")).containsExactly(3, 4);
    NodeContract.assertProblem(get("/devices/" + device + "/readings?from=yesterday"), 400, "INVALID_QUERY", "from");

    JsonArray devices = get("/devices?limit=1000").bodyAsJsonArray();
    assertThat(devices).contains(new JsonObject().put("id", device)
        .put("latest_timestamp", "2023-01-01T00:00:04+01:00").put("cumulative_count", 10));
  }

  @Test
  @DisplayName("with a retention window, a reading older than it is refused per item with 422")
  void retentionWindow() {
    withNode(Map.of("PULSE_READINGS_RETENTION_MS", "86400000"), (other, client) -> {
      String body = new JsonObject().put("id", device).put("readings", new JsonArray()
          .add(reading(java.time.Instant.now().toString(), 1))
          .add(reading("2020-01-01T00:00:00Z", 1))).encode();
      HttpResponse<Buffer> response = send(client, HttpMethod.POST, "/ingest", body);

      assertThat(response.statusCode()).isEqualTo(207);
      JsonArray results = response.bodyAsJsonObject().getJsonArray("results");
      assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(202);
      assertThat(results.getJsonObject(1).getInteger("status")).isEqualTo(422);
      assertThat(results.getJsonObject(1).getString("error")).contains("retention window");
    });
  }
}
