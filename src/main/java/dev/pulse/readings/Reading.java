package dev.pulse.readings;

/** One accepted reading: when (as the device wrote it) and how many. */
public record Reading(ReadingTime time, int count) {

  /**
   * Sort key of a reading: its instant as 20 digits that sort like the signed epoch nanoseconds
   * (used in cursors, and as the member of the Redis index).
   */
  public static String key(long epochNanos) {
    String digits = Long.toUnsignedString(epochNanos ^ Long.MIN_VALUE);
    return "0".repeat(20 - digits.length()) + digits;
  }

  /** The epoch nanoseconds of a {@link #key}; throws NumberFormatException for anything else. */
  public static long epochNanos(String key) {
    if (key.length() != 20) {
      throw new NumberFormatException("not a reading key: " + key);
    }
    return Long.parseUnsignedLong(key) ^ Long.MIN_VALUE;
  }

  public String key() {
    return key(time.epochNanos());
  }
}
