package dev.pulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.alerts.AlertEvent;
import dev.pulse.alerts.AlertStatus;
import dev.pulse.alerts.Timestamp;

/**
 * Validates one emitter event: {@code {"type", "alert": {alertId, name, status, responder,
 * service, triggeredOn, acknowledgedOn?, resolvedOn?}}}. Every problem is a 400 naming the field
 * ({@code alert.triggeredOn}, or {@code [3].alert.triggeredOn} inside a batch). An optional field
 * sent as {@code null} counts as absent.
 */
final class AlertEvents {

  private AlertEvents() {
  }

  static AlertEvent parse(JsonNode event, String at) {
    if (event == null || !event.isObject()) {
      throw invalid(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "an event must be a JSON object",
          event);
    }
    AlertEvent.Type type = type(event.get("type"), at + "type");
    JsonNode alert = event.get("alert");
    if (alert == null || !alert.isObject()) {
      throw invalid(at + "alert", "alert must be a JSON object", alert);
    }
    String prefix = at + "alert.";
    String alertId = Ids.require(prefix + "alertId", requiredText(alert, "alertId", prefix));
    String name = optionalText(alert, "name", prefix);
    AlertStatus status = status(alert.get("status"), prefix + "status");
    Timestamp triggeredOn = timestamp(alert, "triggeredOn", prefix, true);
    Timestamp acknowledgedOn = notBefore(timestamp(alert, "acknowledgedOn", prefix, false), triggeredOn,
        prefix + "acknowledgedOn");
    Timestamp resolvedOn = notBefore(timestamp(alert, "resolvedOn", prefix, false), triggeredOn, prefix + "resolvedOn");
    return new AlertEvent(type, alertId, name, status,
        party(alert, "responder", "userId", prefix), party(alert, "service", "serviceId", prefix),
        triggeredOn, acknowledgedOn, resolvedOn);
  }

  /**
   * The event {@link AlertEventReader} read as text, under {@link #parse}'s rules; null when one of
   * them fails, and the body then goes to {@link #parse}, which names the problem. Each argument is
   * the text sent, null when the field was absent or {@code null}.
   */
  static AlertEvent fromText(String type, String alertId, String name, String status, AlertEvent.Party responder,
      AlertEvent.Party service, String triggeredOn, String acknowledgedOn, String resolvedOn) {
    AlertEvent.Type eventType = typeOf(type);
    AlertStatus alertStatus = statusOf(status);
    Timestamp triggered = triggeredOn == null ? null : Timestamp.parse(triggeredOn);
    Timestamp acknowledged = acknowledgedOn == null ? null : Timestamp.parse(acknowledgedOn);
    Timestamp resolved = resolvedOn == null ? null : Timestamp.parse(resolvedOn);
    if (eventType == null || alertStatus == null || triggered == null || !Ids.isValid(alertId)
        || (acknowledgedOn != null && (acknowledged == null || before(acknowledged, triggered)))
        || (resolvedOn != null && (resolved == null || before(resolved, triggered)))) {
      return null;
    }
    return new AlertEvent(eventType, alertId, name, alertStatus, responder, service, triggered, acknowledged,
        resolved);
  }

  /** An acknowledgement or resolution before the trigger would make a negative duration: a 400. */
  private static Timestamp notBefore(Timestamp timestamp, Timestamp triggeredOn, String field) {
    if (timestamp != null && before(timestamp, triggeredOn)) {
      throw ProblemException.badRequest("INVALID_FIELD", field,
          field + " (" + timestamp.text() + ") is before triggeredOn (" + triggeredOn.text() + ")");
    }
    return timestamp;
  }

  private static AlertEvent.Type type(JsonNode node, String field) {
    AlertEvent.Type type = node == null || !node.isTextual() ? null : typeOf(node.textValue());
    if (type == null) {
      throw invalid(field, "type must be ALERT_CREATED or ALERT_CHANGED", node);
    }
    return type;
  }

  private static AlertStatus status(JsonNode node, String field) {
    AlertStatus status = node == null || !node.isTextual() ? null : statusOf(node.textValue());
    if (status == null) {
      throw invalid(field, "status must be TRIGGERED, ACKNOWLEDGED or RESOLVED", node);
    }
    return status;
  }

  /** The event type named {@code text}, or null. */
  private static AlertEvent.Type typeOf(String text) {
    try {
      return text == null ? null : AlertEvent.Type.valueOf(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The status named {@code text}, or null. */
  private static AlertStatus statusOf(String text) {
    try {
      return text == null ? null : AlertStatus.valueOf(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether an acknowledgement or resolution is before the trigger (a negative duration). */
  private static boolean before(Timestamp timestamp, Timestamp triggeredOn) {
    return timestamp.epochMillis() < triggeredOn.epochMillis();
  }

  private static AlertEvent.Party party(JsonNode alert, String field, String idField, String prefix) {
    JsonNode node = alert.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid(prefix + field, field + " must be a JSON object", node);
    }
    return new AlertEvent.Party(optionalText(node, idField, prefix + field + "."),
        optionalText(node, "name", prefix + field + "."));
  }

  private static Timestamp timestamp(JsonNode alert, String field, String prefix, boolean required) {
    JsonNode node = alert.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw ProblemException.badRequest("INVALID_FIELD", prefix + field, prefix + field + " is required");
      }
      return null;
    }
    Timestamp parsed = node.isTextual() ? Timestamp.parse(node.textValue()) : null;
    if (parsed == null) {
      throw invalid(prefix + field, field + " must be an ISO-8601 date-time with a zone between the years 1970 and "
          + "9999, e.g. 2026-11-22T16:15:57.694Z", node);
    }
    return parsed;
  }

  private static String requiredText(JsonNode object, String field, String prefix) {
    String value = optionalText(object, field, prefix);
    if (value == null) {
      throw ProblemException.badRequest("INVALID_FIELD", prefix + field, prefix + field + " is required");
    }
    return value;
  }

  private static String optionalText(JsonNode object, String field, String prefix) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw invalid(prefix + field, field + " must be a string", node);
    }
    return node.textValue();
  }

  private static ProblemException invalid(String field, String rule, JsonNode got) {
    return ProblemException.badRequest("INVALID_FIELD", field,
        rule + ", got " + (got == null ? "nothing" : Json.kind(got) + (got.isValueNode() ? " " + got : "")));
  }
}
