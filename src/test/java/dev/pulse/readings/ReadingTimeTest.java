package dev.pulse.readings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
