package dev.pulse.alerts;

/** An alert's lifecycle, in order: it never goes backwards. */
public enum AlertStatus {
  TRIGGERED, ACKNOWLEDGED, RESOLVED;

  public static AlertStatus max(AlertStatus a, AlertStatus b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
