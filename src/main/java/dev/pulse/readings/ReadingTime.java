package dev.pulse.readings;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A reading's timestamp as an instant (epoch nanoseconds, the duplicate key) plus how the device
 * wrote it (offset, fractional digits, seconds shown, {@code Z} or {@code +00:00}), packed in one
 * {@code int}, so that "as sent" is rebuilt exactly without storing the string.
 * Supported range: what epoch nanoseconds hold in a {@code long}, 1677-09-22 to 2262-04-11.
 */
public record ReadingTime(long epochNanos, int format) {

  /** Offsets range over ±18:00, as {@link ZoneOffset}'s. */
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  /** What {@link #zoneOffset} answers for a text that does not end with a zone. */
  private static final int NO_ZONE = Integer.MIN_VALUE;
  private static final int OFFSET_BIAS = MAX_OFFSET_SECONDS;
  private static final int OFFSET_BITS = 0x3FFFF; // 18 bits: 0 .. 2 * 18 h in seconds
  private static final int DIGITS_SHIFT = 18;
  private static final int ZULU = 1 << 22;
  private static final int NO_SECONDS = 1 << 23;
  private static final int NEGATIVE_ZERO = 1 << 24;
  private static final int OFFSET_SECONDS_SHOWN = 1 << 25;

  /**
   * The instant and format of {@code text}; null when it is not an ISO-8601 date-time with a zone in
   * range: {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]]} then {@code Z} or {@code ±HH:mm[:ss]}, ASCII digits.
   * Read by hand, one character at a time: a batch of readings parses one timestamp per reading, and
   * a regular expression with its groups was a fifth of the ingest path's Java time in a profile.
   */
  public static ReadingTime parse(String text) {
    int length = text.length();
    // The shortest form, yyyy-MM-ddTHH:mmZ, has 17 characters: below it, index 16 may not exist.
    if (length < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    if ((year | month | day | hour | minute) < 0 || hour > 23 || minute > 59) {
      return null;
    }
    int at = 16;
    int second = 0;
    int nanos = 0;
    int format = NO_SECONDS;
    if (text.charAt(at) == ':') {
      second = at + 3 <= length ? digits(text, at + 1, 2) : -1;
      if (second < 0 || second > 59) {
        return null;
      }
      format = 0;
      at += 3;
      if (at < length && text.charAt(at) == '.') {
        int first = ++at;
        while (at < length && at - first < 9 && isDigit(text.charAt(at))) {
          nanos = nanos * 10 + (text.charAt(at++) - '0');
        }
        int fractionDigits = at - first;
        if (fractionDigits == 0) {
          return null;
        }
        for (int scale = fractionDigits; scale < 9; scale++) {
          nanos *= 10;
        }
        format |= fractionDigits << DIGITS_SHIFT;
      }
    }
    int offsetSeconds = zoneOffset(text, at);
    if (offsetSeconds == NO_ZONE) {
      return null;
    }
    if (text.charAt(at) == 'Z') {
      format |= ZULU;
    } else {
      if (offsetSeconds == 0 && text.charAt(at) == '-') {
        format |= NEGATIVE_ZERO;
      }
      if (length - at == 9) {
        format |= OFFSET_SECONDS_SHOWN;
      }
    }
    format |= offsetSeconds + OFFSET_BIAS;
    try {
      // LocalDate checks the day against the month and the year; the rest is arithmetic.
      long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600 + minute * 60 + second
          - offsetSeconds;
      return new ReadingTime(Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos), format);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * The offset in seconds of the zone that runs from {@code at} to the end of {@code text}:
   * {@code Z}, or {@code ±HH:mm} or {@code ±HH:mm:ss} within ±18:00 (minutes and seconds at most
   * 59); {@link #NO_ZONE} for anything else, including nothing.
   */
  private static int zoneOffset(String text, int at) {
    int length = text.length() - at;
    if (length == 1 && text.charAt(at) == 'Z') {
      return 0;
    }
    if ((length != 6 && length != 9) || text.charAt(at + 3) != ':' || (length == 9 && text.charAt(at + 6) != ':')) {
      return NO_ZONE;
    }
    char sign = text.charAt(at);
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    int seconds = length == 9 ? digits(text, at + 7, 2) : 0;
    if ((sign != '+' && sign != '-') || (hours | minutes | seconds) < 0 || minutes > 59 || seconds > 59) {
      return NO_ZONE;
    }
    int total = hours * 3600 + minutes * 60 + seconds;
    if (total > MAX_OFFSET_SECONDS) {
      return NO_ZONE;
    }
    return sign == '-' ? -total : total;
  }

  /** The number written by the {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The timestamp exactly as the device wrote it. */
  public String text() {
    int offsetSeconds = (format & OFFSET_BITS) - OFFSET_BIAS;
    long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
    int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
    LocalDateTime local = LocalDateTime.ofEpochSecond(seconds + offsetSeconds, nanos, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(40)
        .append(String.format("%04d-%02d-%02dT%02d:%02d", local.getYear(), local.getMonthValue(),
            local.getDayOfMonth(), local.getHour(), local.getMinute()));
    if ((format & NO_SECONDS) == 0) {
      text.append(String.format(":%02d", local.getSecond()));
      int digits = (format >> DIGITS_SHIFT) & 0xF;
      if (digits > 0) {
        text.append('.').append(String.format("%09d", nanos), 0, digits);
      }
    }
    if ((format & ZULU) != 0) {
      return text.append('Z').toString();
    }
    int absolute = Math.abs(offsetSeconds);
    text.append(offsetSeconds < 0 || (format & NEGATIVE_ZERO) != 0 ? '-' : '+')
        .append(String.format("%02d:%02d", absolute / 3600, absolute / 60 % 60));
    if ((format & OFFSET_SECONDS_SHOWN) != 0) {
      text.append(String.format(":%02d", absolute % 60));
    }
    return text.toString();
  }
}
