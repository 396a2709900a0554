package dev.pulse.readings;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reading's timestamp as an instant (epoch nanoseconds, the duplicate key) plus how the device
 * wrote it (offset, fractional digits, seconds shown, {@code Z} or {@code +00:00}), packed in one
 * {@code int}, so that "as sent" is rebuilt exactly without storing the string.
 * Supported range: what epoch nanoseconds hold in a {@code long}, 1677-09-22 to 2262-04-11.
 */
public record ReadingTime(long epochNanos, int format) {

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|([+-])(\\d{2}):(\\d{2})(?::(\\d{2}))?)");

  private static final int OFFSET_BIAS = 18 * 3600;
  private static final int OFFSET_BITS = 0x3FFFF; // 18 bits: 0 .. 2 * 18 h in seconds
  private static final int DIGITS_SHIFT = 18;
  private static final int ZULU = 1 << 22;
  private static final int NO_SECONDS = 1 << 23;
  private static final int NEGATIVE_ZERO = 1 << 24;
  private static final int OFFSET_SECONDS_SHOWN = 1 << 25;

  /** The instant and format of {@code text}; null when it is not an ISO-8601 date-time with a zone in range. */
  public static ReadingTime parse(String text) {
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
      int format = fraction == null ? 0 : fraction.length() << DIGITS_SHIFT;
      if (m.group(8).equals("Z")) {
        format |= ZULU;
      } else {
        int sign = m.group(9).equals("-") ? -1 : 1;
        int minutes = Integer.parseInt(m.group(11));
        int seconds = m.group(12) == null ? 0 : Integer.parseInt(m.group(12));
        if (minutes > 59 || seconds > 59) {
          return null;
        }
        offsetSeconds = sign * (Integer.parseInt(m.group(10)) * 3600 + minutes * 60 + seconds);
        ZoneOffset.ofTotalSeconds(offsetSeconds); // range check: ±18:00
        if (offsetSeconds == 0 && sign < 0) {
          format |= NEGATIVE_ZERO;
        }
        if (m.group(12) != null) {
          format |= OFFSET_SECONDS_SHOWN;
        }
      }
      if (m.group(6) == null) {
        format |= NO_SECONDS;
      }
      format |= offsetSeconds + OFFSET_BIAS;
      long seconds = local.toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
      return new ReadingTime(Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos), format);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      return null;
    }
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
