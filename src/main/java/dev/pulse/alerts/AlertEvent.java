package dev.pulse.alerts;

/**
 * One event from the emitter, validated: {@code ALERT_CREATED} or {@code ALERT_CHANGED} carrying
 * the whole alert as the sender knows it. Optional parts are null when the sender left them out.
 */
public record AlertEvent(Type type, String alertId, String name, AlertStatus status, Party responder,
    Party service, Timestamp triggeredOn, Timestamp acknowledgedOn, Timestamp resolvedOn) {

  public enum Type { ALERT_CREATED, ALERT_CHANGED }

  /** A responder ({@code userId}, {@code name}) or a service ({@code serviceId}, {@code name}). */
  public record Party(String id, String name) {
  }

  /**
   * How far along the lifecycle this event is: its timestamps first, then its reported status.
   * A stale event (lower progress than what is stored) never overwrites the descriptive fields.
   */
  public int progress() {
    int timestamps = resolvedOn != null ? 3 : acknowledgedOn != null ? 2 : 1;
    return timestamps * 10 + status.ordinal();
  }
}
