package dev.pulse.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The renewals a test sent to one instance (each with {@code meta.n}), to check the coalesced
 * updates a stream receives: each one a state some renewal left, never older than the one before,
 * the last one the latest. Two renewals may fall in one millisecond, so an {@code updatedAt} maps
 * to the set of renewals that left it.
 */
public final class RenewalLog {

  private final Map<Long, Set<Integer>> byUpdatedAt = new HashMap<>();
  private long latest;
  private long lastSeen;
  private int updates;

  /** Records renewal {@code n}, as the API answered it. */
  public void sent(int n, JsonObject answer) {
    long updatedAt = answer.getLong("updatedAt");
    byUpdatedAt.computeIfAbsent(updatedAt, at -> new HashSet<>()).add(n);
    latest = Math.max(latest, updatedAt);
  }

  /** Checks one update the stream sent; true once it is the latest state. */
  public boolean received(JsonObject instance) {
    long updatedAt = instance.getLong("updatedAt");
    assertThat(byUpdatedAt.get(updatedAt)).as("renewals that left updatedAt %d", updatedAt)
        .contains(instance.getJsonObject("meta").getInteger("n"));
    assertThat(updatedAt).as("an update after one of %d", lastSeen).isGreaterThanOrEqualTo(lastSeen);
    lastSeen = updatedAt;
    updates++;
    return updatedAt == latest;
  }

  /** Updates received so far. */
  public int updates() {
    return updates;
  }
}
