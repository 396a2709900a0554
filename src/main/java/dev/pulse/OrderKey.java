package dev.pulse;

/**
 * A listing position: a time in epoch ms and an id, written {@code <ms, 15 digits>:<id>} so that
 * the text sorts like (time, id). Cursors carry it; the Redis listings use it as a lex-sorted member.
 */
public record OrderKey(long millis, String id) {

  private static final int DIGITS = 15;
  /** The first time with more than {@link #DIGITS} digits, written in full. */
  private static final long LARGEST_PADDED = 1_000_000_000_000_000L;

  public static String of(long millis, String id) {
    if (millis < 0 || millis >= LARGEST_PADDED) {
      return prefix(millis) + id;
    }
    // Written digit by digit into one array: every alert and instance stored builds its key.
    char[] key = new char[DIGITS + 1 + id.length()];
    long rest = millis;
    for (int i = DIGITS - 1; i >= 0; i--) {
      key[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    key[DIGITS] = ':';
    id.getChars(0, id.length(), key, DIGITS + 1);
    return new String(key);
  }

  /** The text every key at {@code millis} starts with (a lower bound for that instant). */
  public static String prefix(long millis) {
    if (millis < 0) {
      return String.format("%0" + DIGITS + "d:", millis);
    }
    return millis >= LARGEST_PADDED ? millis + ":" : of(millis, "");
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
