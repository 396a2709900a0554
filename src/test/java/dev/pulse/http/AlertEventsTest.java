package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.alerts.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Alert events: the token reader accepts only what the tree parser accepts, and reads the same event")
class AlertEventsTest {

  private static final String VALID = """
      {"type":"ALERT_CHANGED","alert":{"alertId":"alert-7","name":"check 7","status":"ACKNOWLEDGED",\
      "responder":{"userId":"u7","name":"responder 7"},"service":{"serviceId":"s7","name":"svc-7"},\
      "triggeredOn":"2026-11-22T10:00:00.123Z","acknowledgedOn":"2026-11-22T10:05:00Z"}}""";

  @Test
  @DisplayName("a well-formed event is read by the token reader, equal to the tree parser's event")
  void wellFormedEventTakesTheFastPath() {
    AlertEvent fast = AlertEvents.read(bytes(VALID));

    assertThat(fast).isNotNull().isEqualTo(AlertEvents.parse(Json.parseBody(bytes(VALID)), ""));
    assertThat(fast.responder()).isEqualTo(new AlertEvent.Party("u7", "responder 7"));
    assertThat(fast.acknowledgedOn().text()).isEqualTo("2026-11-22T10:05:00Z");
  }

  @Test
  @DisplayName("30 000 random variants (wrong types, nulls, bad values, repeated keys, extra fields): never "
      + "accepted when the tree parser refuses, never a different event")
  void randomVariantsAgreeWithTheTreeParser() {
    SplittableRandom random = new SplittableRandom(7);
    int fastAccepted = 0;
    int treeRefused = 0;
    for (int i = 0; i < 30_000; i++) {
      String body = variant(random);
      AlertEvent fast = AlertEvents.read(bytes(body));
      AlertEvent tree;
      try {
        tree = AlertEvents.parse(Json.parseBody(bytes(body)), "");
      } catch (ProblemException refused) {
        treeRefused++;
        assertThat(fast).as("refused by the tree parser (%s): %s", refused.getMessage(), body).isNull();
        continue;
      }
      if (fast != null) {
        fastAccepted++;
        assertThat(fast).as(body).isEqualTo(tree);
      }
    }
    // Both outcomes must be common, or the comparison above proves little.
    assertThat(fastAccepted).isGreaterThan(1_000);
    assertThat(treeRefused).isGreaterThan(1_000);
  }

  @Test
  @DisplayName("bodies the token reader leaves to the tree parser: batches, trailing tokens, escapes, other encodings")
  void leftToTheTreeParser() {
    List<String> bodies = List.of(
        "[" + VALID + "]", VALID + " {}", VALID + "x", VALID.replace("check 7", "check \\u0037"),
        VALID.substring(0, VALID.length() - 1), "", "null", "\"text\"");
    for (String body : bodies) {
      assertThat(AlertEvents.read(bytes(body))).as(body).isNull();
    }
    assertThat(AlertEvents.read(VALID.getBytes(StandardCharsets.UTF_16BE))).isNull();
  }

  /** The valid event with each part replaced, at random, by one of its variants. */
  private static String variant(SplittableRandom random) {
    List<String> alert = new ArrayList<>();
    add(random, alert, "alertId", "\"alert-7\"", "\"alert 7\"", "\"\"", "7", "null", "[\"a\"]", null);
    add(random, alert, "name", "\"check 7\"", "null", "7", "{}", "true", null);
    add(random, alert, "status", "\"ACKNOWLEDGED\"", "\"TRIGGERED\"", "\"RESOLVED\"", "\"acknowledged\"", "\"\"",
        "1", "null", null);
    add(random, alert, "triggeredOn", "\"2026-11-22T10:00:00.123Z\"", "\"2026-11-22T11:00:00+01:00\"",
        "\"2026-11-22T10:00:00\"", "\"yesterday\"", "1795300000000", "null", null);
    add(random, alert, "acknowledgedOn", "\"2026-11-22T10:05:00Z\"", "\"2026-11-22T09:00:00Z\"", "\"soon\"",
        "null", "0", null);
    add(random, alert, "resolvedOn", "\"2026-11-22T12:00:00Z\"", "\"1969-12-31T23:59:59Z\"", "null", "[]", null);
    add(random, alert, "responder", party(random, "userId"), "null", "\"u7\"", "[]", null);
    add(random, alert, "service", party(random, "serviceId"), "null", "5", null);
    add(random, alert, "severity", "\"high\"", "{\"nested\":[1,2,{\"x\":null}]}", "1e999", null);
    List<String> event = new ArrayList<>();
    add(random, event, "type", "\"ALERT_CREATED\"", "\"ALERT_CHANGED\"", "\"ALERT_DELETED\"", "null", "3", null);
    add(random, event, "alert", "{" + String.join(",", alert) + "}", "null", "\"alert\"", "[]", null);
    add(random, event, "source", "\"emitter\"", "{\"alert\":5}", null);
    return "{" + String.join(",", event) + "}";
  }

  private static String party(SplittableRandom random, String idField) {
    List<String> fields = new ArrayList<>();
    add(random, fields, idField, "\"x1\"", "null", "1", "{}", null);
    add(random, fields, "name", "\"someone\"", "null", "false", null);
    add(random, fields, "email", "\"a@b\"", null);
    return "{" + String.join(",", fields) + "}";
  }

  /**
   * Adds {@code "field":value}: mostly the first of {@code values}, one time in eight any of them
   * (null: leave the field out); one time in sixteen the field comes twice, so the last value must
   * win on both paths.
   */
  private static void add(SplittableRandom random, List<String> fields, String field, String... values) {
    int repeats = random.nextInt(16) == 0 ? 2 : 1;
    for (int i = 0; i < repeats; i++) {
      String value = random.nextInt(8) == 0 ? values[random.nextInt(values.length)] : values[0];
      if (value != null) {
        fields.add("\"" + field + "\":" + value);
      }
    }
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
