package dev.pulse.services;

/**
 * An HTTP check: {@code GET address + path} every {@code interval} ms, bounded by {@code timeout}
 * ms; a 2xx passes. {@code threshold} consecutive failures make an instance unhealthy, as many
 * consecutive passes make it healthy again.
 */
public record HealthCheck(String path, long interval, long timeout, int threshold) {

  public static final long DEFAULT_INTERVAL_MS = 30_000;
  public static final long DEFAULT_TIMEOUT_MS = 5_000;
  public static final int DEFAULT_THRESHOLD = 3;

  /** The URL probed for an instance at {@code address}. */
  public String url(String address) {
    if (path.isEmpty()) {
      return address;
    }
    return address.endsWith("/") ? address + path.substring(1) : address + path;
  }

  /**
   * How long one claim on an instance's probes lasts: the owner renews it every interval, so a
   * node that stops loses its instances {@code min(interval / 2, 1 s)} after it would have probed
   * them next, and another node takes them over.
   */
  public long leaseMs() {
    return interval + Math.min(interval / 2, 1_000);
  }

  /** Compact text kept with the instance; it is compared, never parsed, by the Redis scripts. */
  public String encode() {
    return path + "|" + interval + "|" + timeout + "|" + threshold;
  }

  /** The check {@link #encode} wrote, or null for {@code ""} (no check). */
  public static HealthCheck decode(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String[] parts = text.split("\\|", -1);
    int n = parts.length;
    String path = String.join("|", java.util.Arrays.copyOf(parts, n - 3));
    return new HealthCheck(path, Long.parseLong(parts[n - 3]), Long.parseLong(parts[n - 2]),
        Integer.parseInt(parts[n - 1]));
  }
}
