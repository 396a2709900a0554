package dev.pulse.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

  private static final AlertEvent.Type[] TYPES = AlertEvent.Type.values();
  private static final AlertStatus[] STATUSES = AlertStatus.values();

  private AlertEvents() {
  }

  /**
   * The fast path for a body holding one event: reads its fields straight from the tokens, without
   * building a tree. Returns null for any body it does not accept as it stands (a batch, malformed
   * JSON, a field of the wrong type, an invalid value); the caller then parses the body with
   * {@link #parse(JsonNode, String)}, which accepts the same events and names the problem of every
   * other body. Repeated keys count as in the tree: the last one wins.
   */
  static AlertEvent read(byte[] body) {
    try (JsonParser tokens = Json.tokens(body)) {
      if (tokens == null || tokens.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String type = null;
      Fields alert = null;
      while (tokens.nextToken() == JsonToken.FIELD_NAME) {
        String field = tokens.currentName();
        JsonToken value = tokens.nextToken();
        if (field.equals("type")) {
          type = value == JsonToken.VALUE_STRING ? tokens.getText() : null;
        } else if (field.equals("alert")) {
          alert = value == JsonToken.START_OBJECT ? Fields.read(tokens) : null;
        } else {
          tokens.skipChildren();
        }
      }
      if (tokens.nextToken() != null || type == null || alert == null || alert.refused) {
        return null;
      }
      return alert.toEvent(type);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The alert object's fields as read from tokens; {@code refused} when one has a type the tree path refuses. */
  private static final class Fields {
    String alertId;
    String name;
    String status;
    String triggeredOn;
    String acknowledgedOn;
    String resolvedOn;
    AlertEvent.Party responder;
    AlertEvent.Party service;
    boolean refused;

    static Fields read(JsonParser tokens) throws java.io.IOException {
      Fields fields = new Fields();
      while (tokens.nextToken() == JsonToken.FIELD_NAME) {
        String field = tokens.currentName();
        JsonToken value = tokens.nextToken();
        switch (field) {
          case "alertId" -> fields.alertId = fields.text(tokens, value);
          case "name" -> fields.name = fields.text(tokens, value);
          case "status" -> fields.status = fields.text(tokens, value);
          case "triggeredOn" -> fields.triggeredOn = fields.text(tokens, value);
          case "acknowledgedOn" -> fields.acknowledgedOn = fields.text(tokens, value);
          case "resolvedOn" -> fields.resolvedOn = fields.text(tokens, value);
          case "responder" -> fields.responder = fields.party(tokens, value, "userId");
          case "service" -> fields.service = fields.party(tokens, value, "serviceId");
          default -> tokens.skipChildren();
        }
      }
      return fields;
    }

    /** A string, null for JSON null; anything else is refused. */
    private String text(JsonParser tokens, JsonToken value) throws java.io.IOException {
      if (value == JsonToken.VALUE_STRING) {
        return tokens.getText();
      }
      refused |= value != JsonToken.VALUE_NULL;
      tokens.skipChildren();
      return null;
    }

    private AlertEvent.Party party(JsonParser tokens, JsonToken value, String idField) throws java.io.IOException {
      if (value != JsonToken.START_OBJECT) {
        refused |= value != JsonToken.VALUE_NULL;
        tokens.skipChildren();
        return null;
      }
      String id = null;
      String name = null;
      while (tokens.nextToken() == JsonToken.FIELD_NAME) {
        String field = tokens.currentName();
        JsonToken partValue = tokens.nextToken();
        if (field.equals(idField)) {
          id = text(tokens, partValue);
        } else if (field.equals("name")) {
          name = text(tokens, partValue);
        } else {
          tokens.skipChildren();
        }
      }
      return new AlertEvent.Party(id, name);
    }

    /** The event these fields make, or null when a value is one {@link #parse(JsonNode, String)} refuses. */
    AlertEvent toEvent(String typeText) {
      AlertEvent.Type type = type(typeText);
      AlertStatus parsedStatus = status(status);
      if (type == null || parsedStatus == null || alertId == null || !Ids.isValid(alertId) || triggeredOn == null) {
        return null;
      }
      Timestamp triggered = Timestamp.parse(triggeredOn);
      Timestamp acknowledged = acknowledgedOn == null ? null : Timestamp.parse(acknowledgedOn);
      Timestamp resolved = resolvedOn == null ? null : Timestamp.parse(resolvedOn);
      if (triggered == null || (acknowledgedOn != null && (acknowledged == null || isBefore(acknowledged, triggered)))
          || (resolvedOn != null && (resolved == null || isBefore(resolved, triggered)))) {
        return null;
      }
      return new AlertEvent(type, alertId, name, parsedStatus, responder, service, triggered, acknowledged, resolved);
    }
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
    if (timestamp != null && isBefore(timestamp, triggeredOn)) {
      throw ProblemException.badRequest("INVALID_FIELD", field,
          field + " (" + timestamp.text() + ") is before triggeredOn (" + triggeredOn.text() + ")");
    }
    return timestamp;
  }

  private static boolean isBefore(Timestamp timestamp, Timestamp triggeredOn) {
    return timestamp.epochMillis() < triggeredOn.epochMillis();
  }

  private static AlertEvent.Type type(JsonNode node, String field) {
    AlertEvent.Type type = node == null || !node.isTextual() ? null : type(node.textValue());
    if (type == null) {
      throw invalid(field, "type must be ALERT_CREATED or ALERT_CHANGED", node);
    }
    return type;
  }

  private static AlertEvent.Type type(String text) {
    for (AlertEvent.Type type : TYPES) {
      if (type.name().equals(text)) {
        return type;
      }
    }
    return null;
  }

  private static AlertStatus status(JsonNode node, String field) {
    AlertStatus status = node == null || !node.isTextual() ? null : status(node.textValue());
    if (status == null) {
      throw invalid(field, "status must be TRIGGERED, ACKNOWLEDGED or RESOLVED", node);
    }
    return status;
  }

  private static AlertStatus status(String text) {
    for (AlertStatus status : STATUSES) {
      if (status.name().equals(text)) {
        return status;
      }
    }
    return null;
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
