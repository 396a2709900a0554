package dev.pulse.alerts;

import io.vertx.core.json.JsonObject;

/** How the Redis store writes an alert: the timestamps as sent, everything else as plain fields. */
final class AlertJson {

  private AlertJson() {
  }

  static String encode(Alert alert) {
    JsonObject json = new JsonObject()
        .put("alertId", alert.alertId())
        .put("name", alert.name())
        .put("reportedStatus", alert.reportedStatus().name())
        .put("highestReported", alert.highestReported().name())
        .put("progress", alert.progress())
        .put("triggeredOn", alert.triggeredOn().text());
    putParty(json, "responder", alert.responder());
    putParty(json, "service", alert.service());
    if (alert.acknowledgedOn() != null) {
      json.put("acknowledgedOn", alert.acknowledgedOn().text());
    }
    if (alert.resolvedOn() != null) {
      json.put("resolvedOn", alert.resolvedOn().text());
    }
    return json.encode();
  }

  static Alert decode(String text) {
    JsonObject json = new JsonObject(text);
    return new Alert(json.getString("alertId"), json.getString("name"),
        AlertStatus.valueOf(json.getString("reportedStatus")),
        AlertStatus.valueOf(json.getString("highestReported")),
        json.getInteger("progress"),
        party(json.getJsonObject("responder")), party(json.getJsonObject("service")),
        Timestamp.parse(json.getString("triggeredOn")),
        json.containsKey("acknowledgedOn") ? Timestamp.parse(json.getString("acknowledgedOn")) : null,
        json.containsKey("resolvedOn") ? Timestamp.parse(json.getString("resolvedOn")) : null);
  }

  private static void putParty(JsonObject json, String field, AlertEvent.Party party) {
    if (party != null) {
      json.put(field, new JsonObject().put("id", party.id()).put("name", party.name()));
    }
  }

  private static AlertEvent.Party party(JsonObject json) {
    return json == null ? null : new AlertEvent.Party(json.getString("id"), json.getString("name"));
  }
}
