package dev.pulse.readings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Reading timestamps")
class ReadingTimeTest {

  @ParameterizedTest
  @ValueSource(strings = {"2021-09-29T16:08:15+01:00", "2021-09-29T15:08:15Z", "2021-09-29T16:08+01:00",
      "2021-09-29T16:08:15.1Z", "2021-09-29T16:08:15.120-05:30", "2021-09-29T16:08:15.123456789+14:00",
      "2021-09-29T16:08:15-00:00", "2021-09-29T16:08:15+00:00", "1969-12-31T23:59:59.999999999Z",
      "2021-09-29T16:08:15+05:45:30", "2262-04-11T23:47:16Z", "1677-09-21T00:12:44Z"})
  @DisplayName("is rebuilt exactly as sent from its instant and packed format")
  void roundTrips(String sent) {
    ReadingTime time = ReadingTime.parse(sent);
    assertThat(time).isNotNull();
    assertThat(time.text()).isEqualTo(sent);
    assertThat(new ReadingTime(time.epochNanos(), time.format()).text()).isEqualTo(sent);
  }

  @Test
  @DisplayName("the same instant written in two offsets is the same reading key")
  void sameInstant() {
    ReadingTime utc = ReadingTime.parse("2023-01-01T00:00:00Z");
    ReadingTime paris = ReadingTime.parse("2023-01-01T01:00:00+01:00");
    assertThat(utc.epochNanos()).isEqualTo(paris.epochNanos())
        .isEqualTo(Instant.parse("2023-01-01T00:00:00Z").toEpochMilli() * 1_000_000L);
    assertThat(Reading.key(utc.epochNanos())).isEqualTo(Reading.key(paris.epochNanos()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-09-29T16:08:15", "2021-09-29 16:08:15Z", "2021-09-29t16:08:15z", "2021-02-30T00:00:00Z",
      "2021-09-29T24:00:00Z", "2021-09-29T16:08:15+19:00", "2021-09-29T16:08:15.1234567891Z", "1677-09-21T00:12:43Z",
      "2262-04-11T23:47:17Z", "yesterday", "", "2021-01-01T00:00:00+01:75", "2021-01-01T00:00:00+00:99:99",
      "2021-01-01T00:00:00-17:60"})
  @DisplayName("is refused when not ISO-8601 with a zone, or outside the range epoch nanoseconds hold")
  void refused(String sent) {
    assertThat(ReadingTime.parse(sent)).isNull();
  }

  @Test
  @DisplayName("reading keys sort like the instants, before and after 1970")
  void keysSort() {
    long[] instants = {Long.MIN_VALUE, -5, -1, 0, 1, 1_632_928_095_000_000_000L, Long.MAX_VALUE};
    for (int i = 1; i < instants.length; i++) {
      assertThat(Reading.key(instants[i - 1])).isLessThan(Reading.key(instants[i]));
      assertThat(Reading.epochNanos(Reading.key(instants[i]))).isEqualTo(instants[i]);
    }
  }

  @Test
  @DisplayName("accepts and reads exactly what the ISO-8601 pattern it replaced did, over 200 000 variants")
  void agreesWithThePattern() {
    Random random = new Random(20261205);
    int accepted = 0;
    int refused = 0;
    for (int n = 0; n < 200_000; n++) {
      String text = variant(random);
      ReadingTime byHand = ReadingTime.parse(text);
      ReadingTime byPattern = PatternReference.parse(text);
      assertThat(byHand).as(text).isEqualTo(byPattern);
      if (byHand == null) {
        refused++;
      } else {
        accepted++;
      }
    }
    // Both outcomes must be common, or the comparison says little.
    assertThat(accepted).isGreaterThan(20_000);
    assertThat(refused).isGreaterThan(20_000);
  }

  /** What an edit puts in: digits, separators, and digits that are not ASCII (Arabic-Indic one, fullwidth zero). */
  private static final String EDITS = "0123456789:-+.TZ x\u0661\uff10";

  /** A timestamp built field by field, mostly well-formed, with values and shapes at and past every limit. */
  private static String variant(Random random) {
    StringBuilder text = new StringBuilder()
        .append(number(random, 4, 1600, 2300)).append('-')
        .append(number(random, 2, 0, 13)).append('-')
        .append(number(random, 2, 0, 32)).append(random.nextInt(20) == 0 ? 't' : 'T')
        .append(number(random, 2, 0, 24)).append(':')
        .append(number(random, 2, 0, 60));
    if (random.nextInt(4) > 0) {
      text.append(':').append(number(random, 2, 0, 60));
      if (random.nextBoolean()) {
        text.append('.');
        int digits = random.nextInt(12);
        for (int i = 0; i < digits; i++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
    }
    switch (random.nextInt(5)) {
      case 0 -> text.append('Z');
      case 1 -> text.append(random.nextInt(10) == 0 ? "z" : "");
      default -> {
        text.append("+-".charAt(random.nextInt(2))).append(number(random, 2, 0, 19)).append(':')
            .append(number(random, 2, 0, 60));
        if (random.nextInt(3) == 0) {
          text.append(':').append(number(random, 2, 0, 60));
        }
      }
    }
    int edits = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      char c = EDITS.charAt(random.nextInt(EDITS.length()));
      switch (random.nextInt(3)) {
        case 0 -> text.setCharAt(at, c);
        case 1 -> text.insert(at, c);
        default -> text.deleteCharAt(at);
      }
    }
    return text.toString();
  }

  /** {@code width} digits of a value from {@code min} to {@code max}, sometimes one digit short or long. */
  private static String number(Random random, int width, int min, int max) {
    String digits = String.format("%0" + width + "d", min + random.nextInt(max - min + 1));
    return switch (random.nextInt(40)) {
      case 0 -> digits.substring(1);
      case 1 -> digits + random.nextInt(10);
      default -> digits;
    };
  }

  /** The pattern-based parser that {@link ReadingTime#parse} replaced, kept as the reference. */
  private static final class PatternReference {

    private static final Pattern ISO = Pattern.compile(
        "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|([+-])(\\d{2}):(\\d{2})(?::(\\d{2}))?)");

    static ReadingTime parse(String text) {
      Matcher m = ISO.matcher(text);
      if (!m.matches()) {
        return null;
      }
      try {
        String fraction = m.group(7);
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        LocalDateTime local = LocalDateTime.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))), LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos));
        int offsetSeconds = 0;
        int format = fraction == null ? 0 : fraction.length() << 18;
        if (m.group(8).equals("Z")) {
          format |= 1 << 22;
        } else {
          int sign = m.group(9).equals("-") ? -1 : 1;
          int minutes = Integer.parseInt(m.group(11));
          int seconds = m.group(12) == null ? 0 : Integer.parseInt(m.group(12));
          if (minutes > 59 || seconds > 59) {
            return null;
          }
          offsetSeconds = sign * (Integer.parseInt(m.group(10)) * 3600 + minutes * 60 + seconds);
          ZoneOffset.ofTotalSeconds(offsetSeconds);
          if (offsetSeconds == 0 && sign < 0) {
            format |= 1 << 24;
          }
          if (m.group(12) != null) {
            format |= 1 << 25;
          }
        }
        if (m.group(6) == null) {
          format |= 1 << 23;
        }
        format |= offsetSeconds + 18 * 3600;
        long seconds = local.toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
        return new ReadingTime(Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos), format);
      } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
        return null;
      }
    }
  }
}
