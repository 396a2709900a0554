package dev.pulse;

/**
 * A listing position: a time in epoch ms and an id, written {@code <ms, 15 digits>:<id>} so that
 * the text sorts like (time, id). Cursors carry it; the Redis listings use it as a lex-sorted member.
 */
public record OrderKey(long millis, String id) {

  private static final int DIGITS = 15;

  public static String of(long millis, String id) {
    return prefix(millis) + id;
  }

  /** The text every key at {@code millis} starts with (a lower bound for that instant). */
  public static String prefix(long millis) {
    if (millis < 0) {
      return String.format("%0" + DIGITS + "d:", millis);
    }
    // Not String.format on this path: every alert ingested builds keys, and the formatter parses its
    // pattern each time.
    String digits = Long.toString(millis);
    return digits.length() >= DIGITS ? digits + ":" : "0".repeat(DIGITS - digits.length()) + digits + ":";
  }

  /** The key's parts, or null when {@code key} is not an order key. */
  public static OrderKey parse(String key) {
    if (key.length() < DIGITS + 2 || key.charAt(DIGITS) != ':') {
      return null;
    }
    for (int i = 0; i < DIGITS; i++) {
      if (!Character.isDigit(key.charAt(i))) {
        return null;
      }
    }
    return new OrderKey(Long.parseLong(key.substring(0, DIGITS)), key.substring(DIGITS + 1));
  }

  public static boolean isValid(String key) {
    return parse(key) != null;
  }
}
