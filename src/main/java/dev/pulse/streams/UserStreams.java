package dev.pulse.streams;

import java.util.List;

/** A user's active streams, oldest first, and the limit that applies to the user. */
public record UserStreams(String userId, int limit, int active, List<Lease> streams) {
}
