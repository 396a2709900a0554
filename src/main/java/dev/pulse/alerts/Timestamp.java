package dev.pulse.alerts;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** An ISO-8601 timestamp kept exactly as the sender wrote it, with the instant it names (epoch ms). */
public record Timestamp(String text, long epochMillis) {

  /** Earliest and latest instants accepted: 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z. */
  public static final long MIN_MILLIS = 0;
  public static final long MAX_MILLIS = 253_402_300_799_999L;

  /**
   * Parses an ISO-8601 date-time with a zone ({@code Z} or an offset) between 1970 and 9999;
   * null when it does not parse or falls outside that range.
   */
  public static Timestamp parse(String text) {
    try {
      long millis = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
      return millis < MIN_MILLIS || millis > MAX_MILLIS ? null : new Timestamp(text, millis);
    } catch (DateTimeException | ArithmeticException e) {
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
