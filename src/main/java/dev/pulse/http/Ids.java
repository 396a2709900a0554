package dev.pulse.http;

import java.util.Set;

/**
 * Identifier rules from DESIGN.md: 1 to 128 characters from {@code [A-Za-z0-9._~:-]}; a heartbeat
 * group may also not be one of the reserved first path segments.
 */
public final class Ids {

  public static final int MAX_LENGTH = 128;

  /** First path segments that belong to other routes and can never name a heartbeat group. */
  public static final Set<String> RESERVED_SEGMENTS = Set.of(
      "services", "discovery", "alerts", "ingest", "devices", "users", "health", "metrics",
      "events", "ui", "openapi");

  private Ids() {
  }

  /** Returns {@code value} when it is a valid id; otherwise a 400 naming {@code field}. */
  public static String require(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw ProblemException.badRequest("INVALID_ID", field, field + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw ProblemException.badRequest("INVALID_ID", field,
          field + " must be at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    if (value.equals(".") || value.equals("..")) {
      throw ProblemException.badRequest("INVALID_ID", field,
          field + " may not be '" + value + "': HTTP path normalisation would rewrite it");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isIdChar(c)) {
        throw ProblemException.badRequest("INVALID_ID", field, field + " may only contain "
            + "letters, digits and . _ ~ : - but has '" + printable(c) + "' at position " + (i + 1));
      }
    }
    return value;
  }

  /** True when {@code value} follows the id rules. */
  public static boolean isValid(String value) {
    try {
      require("id", value);
      return true;
    } catch (ProblemException e) {
      return false;
    }
  }

  /** A valid id that is also not a reserved first path segment. */
  public static String requireGroup(String value) {
    return requireGroup("group", value);
  }

  /**
   * As {@link #requireGroup(String)} for a field of another name: a service is a group, so its
   * {@code name} follows the group rules.
   */
  public static String requireGroup(String field, String value) {
    require(field, value);
    if (RESERVED_SEGMENTS.contains(value)) {
      throw ProblemException.badRequest("RESERVED_GROUP", field,
          "'" + value + "' is a reserved path segment and cannot be used as a group or service name");
    }
    return value;
  }

  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '~' || c == ':' || c == '-';
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSurrogate(c)
        ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
