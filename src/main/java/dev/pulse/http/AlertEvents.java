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

  /** An acknowledgement or resolution before the trigger would make a negative duration: a 400. */
  private static Timestamp notBefore(Timestamp timestamp, Timestamp triggeredOn, String field) {
    if (timestamp != null && timestamp.epochMillis() < triggeredOn.epochMillis()) {
      throw ProblemException.badRequest("INVALID_FIELD", field,
          field + " (" + timestamp.text() + ") is before triggeredOn (" + triggeredOn.text() + ")");
    }
    return timestamp;
  }

  private static AlertEvent.Type type(JsonNode node, String field) {
    if (node == null || !node.isTextual()) {
      throw invalid(field, "type must be ALERT_CREATED or ALERT_CHANGED", node);
    }
    try {
      return AlertEvent.Type.valueOf(node.textValue());
    } catch (IllegalArgumentException e) {
      throw invalid(field, "type must be ALERT_CREATED or ALERT_CHANGED", node);
    }
  }

  private static AlertStatus status(JsonNode node, String field) {
    if (node == null || !node.isTextual()) {
      throw invalid(field, "status must be TRIGGERED, ACKNOWLEDGED or RESOLVED", node);
    }
    try {
      return AlertStatus.valueOf(node.textValue());
    } catch (IllegalArgumentException e) {
      throw invalid(field, "status must be TRIGGERED, ACKNOWLEDGED or RESOLVED", node);
    }
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
