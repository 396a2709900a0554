package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.alerts.AlertEvent;
import dev.pulse.alerts.AlertStatus;
import dev.pulse.alerts.Timestamp;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The alert event reader: reads the common form, and never answers otherwise than the tree parser")
class AlertEventReaderTest {

  private static final String CHANGED = "{\"type\":\"ALERT_CHANGED\",\"alert\":{\"alertId\":\"alert-7\","
      + "\"name\":\"check 7\",\"status\":\"ACKNOWLEDGED\",\"responder\":{\"userId\":\"u7\",\"name\":\"responder 7\"},"
      + "\"service\":{\"serviceId\":\"s7\",\"name\":\"svc-7\"},\"triggeredOn\":\"2026-11-22T16:15:57.694Z\","
      + "\"acknowledgedOn\":\"2026-11-22T16:25:57.694Z\"}}";

  @Test
  @DisplayName("an emitter's event is read field by field")
  void readsAnEvent() {
    AlertEvent event = read(CHANGED);

    assertThat(event).isEqualTo(new AlertEvent(AlertEvent.Type.ALERT_CHANGED, "alert-7", "check 7",
        AlertStatus.ACKNOWLEDGED, new AlertEvent.Party("u7", "responder 7"), new AlertEvent.Party("s7", "svc-7"),
        Timestamp.parse("2026-11-22T16:15:57.694Z"), Timestamp.parse("2026-11-22T16:25:57.694Z"), null));
    assertThat(event).isEqualTo(tree(CHANGED));
  }

  @Test
  @DisplayName("whitespace, any field order, null optional fields and empty parties are still the common form")
  void readsTheCommonForm() {
    for (String body : List.of(
        " {\n\t\"alert\" : { \"triggeredOn\" : \"2026-11-22T16:15:57Z\" , \"status\":\"TRIGGERED\",\r\n"
            + " \"alertId\":\"a\" } ,\"type\":\"ALERT_CREATED\" }\n ",
        "{\"type\":\"ALERT_CREATED\",\"alert\":{\"alertId\":\"a\",\"name\":null,\"status\":\"TRIGGERED\","
            + "\"responder\":null,\"service\":{},\"triggeredOn\":\"2026-11-22T16:15:57+02:00\",\"acknowledgedOn\":null,"
            + "\"resolvedOn\":null}}",
        "{\"type\":\"ALERT_CHANGED\",\"alert\":{\"alertId\":\"a\",\"status\":\"RESOLVED\","
            + "\"responder\":{\"userId\":null,\"name\":\"r\"},\"service\":{\"name\":\"s\"},"
            + "\"triggeredOn\":\"2026-11-22T16:15:57.1Z\",\"resolvedOn\":\"2026-11-22T16:15:57.1Z\"}}")) {
      AlertEvent event = read(body);
      assertThat(event).as(body).isNotNull().isEqualTo(tree(body));
    }
  }

  @Test
  @DisplayName("a batch, an unknown field, an escape, non-ASCII text, a number or a repeated field go to the tree parser")
  void leavesTheRestToTheTreeParser() {
    List<String> accepted = List.of(
        CHANGED.replace("\"type\"", "\"source\":\"x\",\"type\""),
        CHANGED.replace("check 7", "check \\\"7\\\""),
        CHANGED.replace("check 7", "Prüfung 7"),
        CHANGED.replace("\"name\":\"check 7\"", "\"name\":\"check 7\",\"name\":\"check 8\""));
    for (String body : accepted) {
      assertThat(read(body)).as(body).isNull();
      assertThat(treeOrProblem(body)).as(body).isInstanceOf(AlertEvent.class);
    }
    assertThat(tree(accepted.get(1)).name()).isEqualTo("check \"7\"");
    assertThat(tree(accepted.get(2)).name()).isEqualTo("Prüfung 7");
    assertThat(tree(accepted.get(3)).name()).as("the last one wins").isEqualTo("check 8");
    for (String body : List.of("[" + CHANGED + "]", CHANGED.replace("\"check 7\"", "7"), "\uFEFF" + CHANGED,
        CHANGED + " x", "")) {
      assertThat(read(body)).as(body).isNull();
    }
  }

  @Test
  @DisplayName("a value the rules refuse is left to the tree parser, which names it")
  void leavesRefusalsToTheTreeParser() {
    for (String body : List.of(
        CHANGED.replace("ALERT_CHANGED", "ALERT_GONE"),
        CHANGED.replace("ACKNOWLEDGED", "SNOOZED"),
        CHANGED.replace("alert-7", "alert 7"),
        CHANGED.replace("2026-11-22T16:25:57.694Z", "2026-11-22T16:05:57.694Z"),
        CHANGED.replace("2026-11-22T16:15:57.694Z", "yesterday"),
        CHANGED.replace("\"type\":\"ALERT_CHANGED\",", ""),
        CHANGED.replace("\"alertId\":\"alert-7\",", ""),
        CHANGED.replace("\"alertId\":\"alert-7\"", "\"alertId\":null"),
        "{\"type\":\"ALERT_CHANGED\",\"alert\":null}",
        "{\"type\":\"ALERT_CHANGED\"}",
        "{}")) {
      assertThat(read(body)).as(body).isNull();
      assertThat(treeProblem(body)).as(body).isNotNull();
    }
  }

  @Test
  @DisplayName("over 30 000 random variants of events, every event read is the one the tree parser reads")
  void agreesWithTheTreeParser() {
    Random random = new Random(20261205);
    int read = 0;
    int treeAccepted = 0;
    for (int i = 0; i < 30_000; i++) {
      String body = Variant.random(random);
      AlertEvent fast = read(body);
      Object slow = treeOrProblem(body);
      if (slow instanceof AlertEvent) {
        treeAccepted++;
      }
      if (fast != null) {
        read++;
        assertThat(slow).as(body).isEqualTo(fast);
      }
    }
    // The variants reach both paths: most that the tree parser accepts are in the common form.
    assertThat(read).isGreaterThan(treeAccepted / 2);
    assertThat(treeAccepted).isLessThan(30_000);
  }

  private static AlertEvent read(String body) {
    return AlertEventReader.read(Json.Bytes.of(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))));
  }

  private static AlertEvent tree(String body) {
    return AlertEvents.parse(Json.parseBody(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))), "");
  }

  private static ProblemException treeProblem(String body) {
    return treeOrProblem(body) instanceof ProblemException problem ? problem : null;
  }

  private static Object treeOrProblem(String body) {
    try {
      return tree(body);
    } catch (ProblemException problem) {
      return problem;
    }
  }

  /** Random events: valid ones in every layout, and mutations of them that stay or leave the common form. */
  private static final class Variant {

    private static final String[] WHITESPACE = {"", "", " ", "\n", "\t", "\r\n", "  "};

    static String random(Random random) {
      List<String[]> alert = new ArrayList<>();
      alert.add(field("alertId", quoted(pick(random, "alert-1", "a", "x.y~z:1-_", "alert 1", "", "é"))));
      optional(random, alert, "name", quoted(pick(random, "check 1", "", "Ünicode", "tab\\tescaped", "<b>")));
      alert.add(field("status", quoted(pick(random, "TRIGGERED", "ACKNOWLEDGED", "RESOLVED", "resolved"))));
      String triggered = pick(random, "2026-11-22T16:15:57.694Z", "2026-11-22T16:15:57Z", "2026-11-22T18:15:57+02:00",
          "1969-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "not a time");
      alert.add(field("triggeredOn", quoted(triggered)));
      optional(random, alert, "acknowledgedOn", quoted(pick(random, "2026-11-22T16:25:57.694Z",
          "2026-11-22T16:05:57.694Z", "2026-11-22T16:15:57.694Z")));
      optional(random, alert, "resolvedOn", quoted(pick(random, "2026-11-22T17:15:57.694Z", "2026-11-22T16:15:57Z")));
      optional(random, alert, "responder", party(random, "userId"));
      optional(random, alert, "service", party(random, "serviceId"));
      List<String[]> event = new ArrayList<>();
      event.add(field("type", quoted(pick(random, "ALERT_CREATED", "ALERT_CHANGED", "ALERT_CHANGED", "ALERT"))));
      event.add(field("alert", object(random, alert)));
      mutate(random, random.nextInt(3) == 0 ? event : alert);
      String body = object(random, event);
      return switch (random.nextInt(40)) {
        case 0 -> "[" + body + "]";
        case 1 -> body + ",";
        case 2 -> body.substring(0, random.nextInt(body.length()));
        default -> ws(random) + body + ws(random);
      };
    }

    private static void mutate(Random random, List<String[]> fields) {
      switch (random.nextInt(12)) {
        case 0 -> fields.remove(random.nextInt(fields.size()));
        case 1 -> fields.add(fields.get(random.nextInt(fields.size())));
        case 2 -> fields.add(field("extra", quoted("x")));
        case 3 -> fields.get(random.nextInt(fields.size()))[1] = pick(random, "1", "true", "null", "[]", "{}");
        case 4 -> fields.get(random.nextInt(fields.size()))[1] = quoted("caf\\u00e9");
        default -> {
          // unchanged
        }
      }
      Collections.shuffle(fields, random);
    }

    private static void optional(Random random, List<String[]> fields, String name, String value) {
      switch (random.nextInt(4)) {
        case 0 -> fields.add(field(name, "null"));
        case 1 -> {
          // absent
        }
        default -> fields.add(field(name, value));
      }
    }

    private static String party(Random random, String idField) {
      List<String[]> fields = new ArrayList<>();
      optional(random, fields, idField, quoted(pick(random, "u1", "", "user one")));
      optional(random, fields, "name", quoted(pick(random, "responder 1", "Zoë", "")));
      if (!fields.isEmpty() && random.nextInt(10) == 0) {
        mutate(random, fields);
      }
      return object(random, fields);
    }

    private static String object(Random random, List<String[]> fields) {
      StringBuilder json = new StringBuilder("{").append(ws(random));
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          json.append(ws(random)).append(',').append(ws(random));
        }
        json.append(quoted(fields.get(i)[0])).append(ws(random)).append(':').append(ws(random))
            .append(fields.get(i)[1]);
      }
      return json.append(ws(random)).append('}').toString();
    }

    private static String[] field(String name, String value) {
      return new String[] {name, value};
    }

    private static String quoted(String text) {
      return "\"" + text + "\"";
    }

    private static String ws(Random random) {
      return WHITESPACE[random.nextInt(WHITESPACE.length)];
    }

    private static String pick(Random random, String... values) {
      return values[random.nextInt(values.length)];
    }
  }
}
