package dev.pulse.discovery;

/**
 * One row of {@code GET /}: a group with its number of live instances, the earliest
 * {@code createdAt} and the latest {@code updatedAt} among them.
 */
public record GroupSummary(String group, int instances, long createdAt, long lastUpdatedAt) {
}
