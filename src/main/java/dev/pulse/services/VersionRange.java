package dev.pulse.services;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code version=} filter of lookups: a version compared exactly as text, or a semver range as
 * npm writes them: {@code ^1.2}, {@code ~1.2.3}, {@code >=1.0 <2}, {@code 1.x}, alternatives joined
 * by {@code ||}. Partial versions are completed with zeros; pre-release versions compare by semver
 * precedence ({@code 1.0.0-rc.1 < 1.0.0}), and as in npm a ceiling implied by {@code ^}, {@code ~},
 * {@code x} or a partial version ({@code ^1.2} is {@code >=1.2.0 <2.0.0-0}) excludes the next
 * version's pre-releases. A version that is not semver matches no range.
 */
public final class VersionRange {

  private static final Pattern VERSION = Pattern.compile(
      "v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
  private static final Pattern PARTIAL = Pattern.compile(
      "v?(\\d{1,9}|[xX*])(?:\\.(\\d{1,9}|[xX*]))?(?:\\.(\\d{1,9}|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
  private static final Pattern COMPARATOR = Pattern.compile("\\s*(\\^|~|>=|<=|>|<|=)?(\\S+)");

  private final String text;
  private final String exact;
  /** Alternatives (OR) of comparator sets (AND). */
  private final List<List<Comparator>> alternatives;

  private record Comparator(String op, Semver version) {
    boolean test(Semver candidate) {
      int order = candidate.compareTo(version);
      return switch (op) {
        case ">=" -> order >= 0;
        case ">" -> order > 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        default -> order == 0;
      };
    }
  }

  private VersionRange(String text, String exact, List<List<Comparator>> alternatives) {
    this.text = text;
    this.exact = exact;
    this.alternatives = alternatives;
  }

  /** Parses a filter; throws {@link IllegalArgumentException} saying what is wrong. */
  public static VersionRange parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("version must not be empty");
    }
    if (!isRange(trimmed)) {
      return new VersionRange(text, trimmed, List.of());
    }
    List<List<Comparator>> alternatives = new ArrayList<>();
    for (String alternative : trimmed.split("\\|\\|", -1)) {
      List<Comparator> all = new ArrayList<>();
      Matcher matcher = COMPARATOR.matcher(alternative.trim().replaceAll("(\\^|~|>=|<=|>|<|=)\\s+", "$1"));
      while (matcher.find()) {
        all.addAll(comparators(matcher.group(1) == null ? "" : matcher.group(1), matcher.group(2)));
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException("'" + text + "' has an empty alternative");
      }
      alternatives.add(List.copyOf(all));
    }
    return new VersionRange(text, null, List.copyOf(alternatives));
  }

  private static boolean isRange(String text) {
    return text.matches(".*[\\^~<>=|\\s*].*") || text.matches("(?i).*(^|\\.)x(\\.|$).*");
  }

  public boolean matches(String version) {
    if (exact != null) {
      return exact.equals(version);
    }
    Semver candidate = Semver.parse(version);
    if (candidate == null) {
      return false;
    }
    for (List<Comparator> all : alternatives) {
      if (all.stream().allMatch(comparator -> comparator.test(candidate))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }

  /** The primitive comparators of one range term. */
  private static List<Comparator> comparators(String op, String operand) {
    Matcher m = PARTIAL.matcher(operand);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + operand + "' is not a version (expected e.g. 1.2.3, 1.2 or 1.x)");
    }
    int given = 0;
    long[] parts = new long[3];
    for (int i = 0; i < 3; i++) {
      String part = m.group(i + 1);
      if (part == null || part.equalsIgnoreCase("x") || part.equals("*")) {
        break;
      }
      parts[i] = Long.parseLong(part);
      given++;
    }
    String pre = given == 3 ? m.group(4) : null;
    Semver low = new Semver(parts[0], parts[1], parts[2], pre);
    if (given == 0) {
      // '*' or 'x': every version (below nothing, above nothing).
      Semver lowest = new Semver(0, 0, 0, "0");
      return List.of(op.equals("<") || op.equals(">") ? new Comparator("<", lowest) : new Comparator(">=", lowest));
    }
    return switch (op) {
      case "^" -> List.of(new Comparator(">=", low), new Comparator("<", caretCeiling(parts, given)));
      case "~" -> List.of(new Comparator(">=", low), new Comparator("<", ceiling(parts, Math.min(given, 2))));
      case ">=" -> List.of(new Comparator(">=", low));
      case "<" -> List.of(new Comparator("<", given == 3 ? low : new Semver(parts[0], parts[1], parts[2], "0")));
      case ">" -> List.of(given == 3 ? new Comparator(">", low) : new Comparator(">=", next(parts, given)));
      case "<=" -> List.of(given == 3 ? new Comparator("<=", low) : new Comparator("<", ceiling(parts, given)));
      default -> given == 3 ? List.of(new Comparator("=", low))
          : List.of(new Comparator(">=", low), new Comparator("<", ceiling(parts, given)));
    };
  }

  /** The first version after every version starting with the first {@code given} parts. */
  private static Semver next(long[] parts, int given) {
    return switch (given) {
      case 1 -> new Semver(parts[0] + 1, 0, 0, "");
      case 2 -> new Semver(parts[0], parts[1] + 1, 0, "");
      default -> new Semver(parts[0], parts[1], parts[2] + 1, "");
    };
  }

  /** {@link #next} as an exclusive upper bound: below even that version's pre-releases. */
  private static Semver ceiling(long[] parts, int given) {
    Semver next = next(parts, given);
    return new Semver(next.major(), next.minor(), next.patch(), "0");
  }

  /** {@code ^}: changes that do not modify the left-most non-zero part. */
  private static Semver caretCeiling(long[] parts, int given) {
    if (parts[0] > 0 || given == 1) {
      return ceiling(parts, 1);
    }
    if (parts[1] > 0 || given == 2) {
      return ceiling(parts, 2);
    }
    return ceiling(parts, 3);
  }

  /** A semver version; {@code pre} "" when it is a release. */
  record Semver(long major, long minor, long patch, String pre) implements java.lang.Comparable<Semver> {

    Semver {
      pre = pre == null ? "" : pre;
    }

    static Semver parse(String text) {
      Matcher m = VERSION.matcher(text == null ? "" : text.trim());
      if (!m.matches()) {
        return null;
      }
      return new Semver(Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
          m.group(3) == null ? 0 : Long.parseLong(m.group(3)), m.group(4));
    }

    @Override
    public int compareTo(Semver other) {
      int order = Long.compare(major, other.major);
      if (order == 0) {
        order = Long.compare(minor, other.minor);
      }
      if (order == 0) {
        order = Long.compare(patch, other.patch);
      }
      return order != 0 ? order : comparePre(pre, other.pre);
    }

    /** Semver §11: a release outranks its pre-releases; identifiers compare numerically or as text. */
    private static int comparePre(String a, String b) {
      if (a.equals(b)) {
        return 0;
      }
      if (a.isEmpty() || b.isEmpty()) {
        return a.isEmpty() ? 1 : -1;
      }
      String[] left = a.split("\\.");
      String[] right = b.split("\\.");
      for (int i = 0; i < Math.min(left.length, right.length); i++) {
        boolean leftNumber = left[i].matches("\\d{1,18}");
        boolean rightNumber = right[i].matches("\\d{1,18}");
        int order = leftNumber && rightNumber ? Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i]))
            : leftNumber ? -1 : rightNumber ? 1 : left[i].compareTo(right[i]);
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(left.length, right.length);
    }
  }
}
