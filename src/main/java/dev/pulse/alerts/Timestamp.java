package dev.pulse.alerts;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** An ISO-8601 timestamp kept exactly as the sender wrote it, with the instant it names (epoch ms). */
public record Timestamp(String text, long epochMillis) {

  /** Parses an ISO-8601 date-time with a zone ({@code Z} or an offset); null when it does not parse. */
  public static Timestamp parse(String text) {
    try {
      return new Timestamp(text, OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant().toEpochMilli());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The earlier of two timestamps, either of which may be null. */
  public static Timestamp earliest(Timestamp a, Timestamp b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.epochMillis < a.epochMillis ? b : a;
  }
}
