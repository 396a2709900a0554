package dev.pulse.alerts;

import java.util.List;

/** Request bodies of the alerts verticle, and the types it passes over the local event bus. */
public final class Alerts {

  public record AlertKey(String alertId) {
  }

  public static final List<Class<?>> MESSAGE_TYPES = List.of(
      AlertEvent.class, AlertKey.class, AlertQuery.class, Alert.class, AlertStats.class);

  private Alerts() {
  }
}
