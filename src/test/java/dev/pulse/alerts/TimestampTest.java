package dev.pulse.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Alert timestamps: the hand-written UTC path agrees with java.time on every input")
class TimestampTest {

  @Test
  @DisplayName("random UTC instants from 1970 to 9999 with 0 to 9 fraction digits: fast path taken, same instant")
  void randomUtcInstants() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(0, Timestamp.MAX_MILLIS / 1000 + 1),
          random.nextInt(1_000_000_000));
      int digits = random.nextInt(10);
      String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (digits == 0 ? "" : "." + "S".repeat(digits)) + "'Z'";
      String text = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);

      assertThat(Timestamp.utcMillis(text)).as(text).isNotEqualTo(-1);
      assertThat(Timestamp.parse(text)).as(text).isEqualTo(Timestamp.parseWithJavaTime(text)).isNotNull();
    }
  }

  @Test
  @DisplayName("edge cases and other forms: the same answer as java.time, null included")
  void edgeCases() {
    List<String> texts = List.of(
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999999999Z",
        "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-01-32T00:00:00Z",
        "2026-00-10T00:00:00Z", "2026-13-10T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
        "2026-01-01T23:59:60Z", "2026-01-01T23:59:59.Z", "2026-01-01T23:59:59.1234567890Z",
        "2026-01-01t23:59:59Z", "2026-01-01T23:59:59z", "2026-01-01T10:00Z", "2026-01-01T10:00:00+01:00",
        "2026-01-01T10:00:00.5-00:30", "2026-01-01T1a:00:00Z", "2026-01-01T-1:00:00Z", "2026-1-01T10:00:00Z",
        "2026-01-01 10:00:00Z", "2026-01-01T10:00:00", "+2026-01-01T10:00:00Z", "2026-01-01T10:00:00.1Z",
        "2026-01-01T10:00:00.12Z", "2026-01-01T10:00:00.123Z", "２０２６-01-01T10:00:00Z", "");
    for (String text : texts) {
      assertThat(Timestamp.parse(text)).as(text).isEqualTo(Timestamp.parseWithJavaTime(text));
    }
    assertThat(Timestamp.parse("2026-01-01T10:00:00.12Z").epochMillis() % 1000).isEqualTo(120);
    assertThat(Timestamp.parse("2026-01-01T10:00:00.1Z").epochMillis() % 1000).isEqualTo(100);
    assertThat(Timestamp.parse("2023-02-29T12:00:00Z")).isNull();
    assertThat(Timestamp.parse("1969-12-31T23:59:59.999Z")).isNull();
  }
}
