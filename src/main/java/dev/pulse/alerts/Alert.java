package dev.pulse.alerts;

import dev.pulse.OrderKey;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as stored: the merge of every event seen for its id, in whatever order they came.
 *
 * <ul>
 *   <li>A timestamp once known is never lost; when two events disagree, the earliest instant wins.
 *   <li>{@code name}, {@code responder}, {@code service} and {@code reportedStatus} come from the
 *       most advanced event ({@link AlertEvent#progress()}), the later one on a tie.
 *   <li>{@link #status()} is derived: {@code RESOLVED} if {@code resolvedOn} is known, else
 *       {@code ACKNOWLEDGED} if {@code acknowledgedOn} is known, else the highest status reported.
 * </ul>
 * Merging is idempotent, so a duplicate delivery changes nothing.
 */
public record Alert(String alertId, String name, AlertStatus reportedStatus, AlertStatus highestReported,
    int progress, AlertEvent.Party responder, AlertEvent.Party service, Timestamp triggeredOn,
    Timestamp acknowledgedOn, Timestamp resolvedOn) {

  /** The alert after {@code event}; {@code existing} is null for an alert never seen. */
  public static Alert merge(Alert existing, AlertEvent event) {
    if (existing == null) {
      return new Alert(event.alertId(), event.name(), event.status(), event.status(), event.progress(),
          event.responder(), event.service(), event.triggeredOn(), event.acknowledgedOn(), event.resolvedOn());
    }
    boolean newer = event.progress() >= existing.progress;
    return new Alert(existing.alertId,
        newer && event.name() != null ? event.name() : existing.name,
        newer ? event.status() : existing.reportedStatus,
        AlertStatus.max(existing.highestReported, event.status()),
        Math.max(existing.progress, event.progress()),
        newer && event.responder() != null ? event.responder() : existing.responder,
        newer && event.service() != null ? event.service() : existing.service,
        Timestamp.earliest(existing.triggeredOn, event.triggeredOn()),
        Timestamp.earliest(existing.acknowledgedOn, event.acknowledgedOn()),
        Timestamp.earliest(existing.resolvedOn, event.resolvedOn()));
  }

  public AlertStatus status() {
    if (resolvedOn != null) {
      return AlertStatus.RESOLVED;
    }
    if (acknowledgedOn != null) {
      return AlertStatus.ACKNOWLEDGED;
    }
    return highestReported;
  }

  /** {@code acknowledgedOn − triggeredOn}, or null when either is unknown. */
  public Long timeToAcknowledgeMs() {
    return acknowledgedOn == null ? null : acknowledgedOn.epochMillis() - triggeredOn.epochMillis();
  }

  /** {@code resolvedOn − triggeredOn}, or null when either is unknown. */
  public Long timeToResolveMs() {
    return resolvedOn == null ? null : resolvedOn.epochMillis() - triggeredOn.epochMillis();
  }

  /** Sort key of the alert listing: {@code triggeredOn}, then id (listed newest first). */
  public String orderKey() {
    return OrderKey.of(triggeredOn.epochMillis(), alertId);
  }

  /**
   * The statistics and listing groups this alert belongs to: every alert is in {@code all}, and in
   * one group per filterable value it has. Each group keeps counts, sums, extremes and an ordered
   * index, so the matching filters are answered without scanning every alert.
   */
  public List<String> dimensions() {
    List<String> dimensions = new ArrayList<>(5);
    dimensions.add(Dimensions.ALL);
    dimensions.add(Dimensions.status(status()));
    if (name != null) {
      dimensions.add(Dimensions.name(name));
    }
    if (service != null && service.name() != null) {
      dimensions.add(Dimensions.service(service.name()));
    }
    if (responder != null && responder.name() != null) {
      dimensions.add(Dimensions.responder(responder.name()));
    }
    return dimensions;
  }
}
