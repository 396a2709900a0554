package dev.pulse.discovery;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.pulse.OrderKey;

/**
 * A registered instance of a heartbeat group. Timestamps are epoch milliseconds; {@code meta} is
 * the instance's metadata as compact JSON text (an object, {@code {}} when none was sent), kept as
 * text so that it is parsed once on the way in and never on the way out.
 */
public record Instance(String id, String group, long createdAt, long updatedAt, @JsonRawValue String meta) {

  public static final String NO_META = "{}";

  /** Sort key of the group listing order: oldest first, then by id. */
  public String orderKey() {
    return orderKey(createdAt, id);
  }

  public static String orderKey(long createdAt, String id) {
    return OrderKey.of(createdAt, id);
  }
}
