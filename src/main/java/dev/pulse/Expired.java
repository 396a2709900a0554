package dev.pulse;

import java.util.List;

/** What one expiry sweep removed, and whether it stopped at its budget with more left to do. */
public record Expired<T>(List<T> items, boolean more) {
}
