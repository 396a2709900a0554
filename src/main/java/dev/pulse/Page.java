package dev.pulse;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a sorted list: the items, and the sort key of the last item when more items follow
 * ({@code null} on the last page). The HTTP edge turns that key into an opaque cursor.
 */
public record Page<T>(List<T> items, String nextKey) {

  /** Everything on one page. */
  public static <T> Page<T> all(List<T> items) {
    return new Page<>(items, null);
  }

  /**
   * The items of {@code sorted} (ascending by {@code key}) strictly after {@code after}, at most
   * {@code limit} of them ({@code 0} = no limit).
   */
  public static <T> Page<T> slice(List<T> sorted, Function<T, String> key, String after, int limit) {
    int from = 0;
    if (after != null) {
      int low = 0;
      int high = sorted.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (key.apply(sorted.get(mid)).compareTo(after) <= 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      from = low;
    }
    if (limit <= 0 || sorted.size() - from <= limit) {
      return new Page<>(List.copyOf(sorted.subList(from, sorted.size())), null);
    }
    List<T> items = List.copyOf(sorted.subList(from, from + limit));
    return new Page<>(items, key.apply(items.get(items.size() - 1)));
  }

  /**
   * A page from {@code found}, which holds up to {@code limit + 1} items in order: the extra one
   * only proves that a next page exists ({@code limit} 0 = everything found).
   */
  public static <T> Page<T> ofFound(List<T> found, int limit, Function<T, String> key) {
    if (limit > 0 && found.size() > limit) {
      List<T> items = List.copyOf(found.subList(0, limit));
      return new Page<>(items, key.apply(items.get(limit - 1)));
    }
    return all(List.copyOf(found));
  }
}
