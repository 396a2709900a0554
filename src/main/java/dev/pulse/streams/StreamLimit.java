package dev.pulse.streams;

/** The limit that applies to a user; {@code custom} is false when it is the configured default. */
public record StreamLimit(String userId, int limit, boolean custom) {
}
