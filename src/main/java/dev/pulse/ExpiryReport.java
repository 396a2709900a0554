package dev.pulse;

/** What one expiry sweep of a domain did. {@code more} is true when it stopped at its batch size. */
public record ExpiryReport(int expired, boolean more) {
}
