package dev.pulse.alerts;

import java.util.List;

/** Request bodies of the alerts verticle, and the types it publishes on the event bus. */
public final class Alerts {

  public record AlertKey(String alertId) {
  }

  /** The types this domain publishes on the event bus, passed by reference. */
  public static final List<Class<?>> EVENT_TYPES = List.of(Alert.class);

  private Alerts() {
  }
}
