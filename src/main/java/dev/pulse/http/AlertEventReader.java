package dev.pulse.http;

import dev.pulse.alerts.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one alert event straight from the body's bytes when it has the form emitters send: one
 * JSON object of the known fields, each value a string (or {@code null} where the field is
 * optional) in printable ASCII without escapes, each field once. For anything else (a batch, a
 * field Pulse does not know, a number, an escape, a non-ASCII character, a field sent twice, a value
 * {@link AlertEvents#fromText} refuses) it answers null, and the body goes to the tree parser and
 * {@link AlertEvents#parse} as before, which accept or refuse it and name the problem. So this
 * reader never changes an answer, only how fast the common one comes: the tree parse and its
 * garbage were the largest part of an alert event's cost (BENCHMARKS.md).
 * {@code AlertEventReaderTest} holds it to that against the tree path over random variants.
 */
final class AlertEventReader {

  private static final byte[][] EVENT_FIELDS = names("type", "alert");
  private static final int TYPE = 0;
  private static final byte[][] ALERT_FIELDS = names("alertId", "name", "status", "triggeredOn", "acknowledgedOn",
      "resolvedOn", "responder", "service");
  private static final int ALERT_ID = 0;
  private static final int NAME = 1;
  private static final int STATUS = 2;
  private static final int TRIGGERED_ON = 3;
  private static final int ACKNOWLEDGED_ON = 4;
  private static final int RESOLVED_ON = 5;
  private static final int RESPONDER = 6;
  private static final byte[][] RESPONDER_FIELDS = names("userId", "name");
  private static final byte[][] SERVICE_FIELDS = names("serviceId", "name");
  private static final byte[] NULL = ascii("null");

  /** Where the body leaves the simple form; thrown without a stack, and {@link #read} answers null. */
  private static final class NotSimple extends RuntimeException {
    NotSimple() {
      super(null, null, false, false);
    }
  }

  private static final NotSimple NOT_SIMPLE = new NotSimple();

  private final byte[] in;
  private final int end;
  private int pos;
  private final String[] alert = new String[RESPONDER];
  private AlertEvent.Party responder;
  private AlertEvent.Party service;

  private AlertEventReader(Json.Bytes body) {
    this.in = body.array();
    this.pos = body.offset();
    this.end = body.offset() + body.length();
  }

  /** The event in {@code body}, or null when the body is not in the simple form or breaks a rule. */
  static AlertEvent read(Json.Bytes body) {
    try {
      return new AlertEventReader(body).event();
    } catch (NotSimple e) {
      return null;
    }
  }

  private AlertEvent event() {
    String type = null;
    int seen = 0;
    if (!objectStart()) {
      do {
        int field = fieldName(EVENT_FIELDS);
        seen = once(seen, field);
        if (field == TYPE) {
          type = stringOrNull();
        } else {
          alert();
        }
      } while (nextField());
    }
    whitespace();
    if (pos != end) {
      throw NOT_SIMPLE;
    }
    // Without an alert every field is null, and fromText refuses the missing alertId.
    return AlertEvents.fromText(type, alert[ALERT_ID], alert[NAME], alert[STATUS], responder, service,
        alert[TRIGGERED_ON], alert[ACKNOWLEDGED_ON], alert[RESOLVED_ON]);
  }

  private void alert() {
    if (objectStart()) {
      return;
    }
    int seen = 0;
    do {
      int field = fieldName(ALERT_FIELDS);
      seen = once(seen, field);
      if (field < RESPONDER) {
        alert[field] = stringOrNull();
      } else if (field == RESPONDER) {
        responder = partyOrNull(RESPONDER_FIELDS);
      } else {
        service = partyOrNull(SERVICE_FIELDS);
      }
    } while (nextField());
  }

  /** A responder or service: its id and name, either absent; null for {@code null}. */
  private AlertEvent.Party partyOrNull(byte[][] fields) {
    if (literalNull()) {
      return null;
    }
    String[] values = new String[2];
    if (!objectStart()) {
      int seen = 0;
      do {
        int field = fieldName(fields);
        seen = once(seen, field);
        values[field] = stringOrNull();
      } while (nextField());
    }
    return new AlertEvent.Party(values[0], values[1]);
  }

  /** Whitespace, an opening brace and whitespace; true when the object is empty (its closing brace read too). */
  private boolean objectStart() {
    whitespace();
    expect('{');
    whitespace();
    if (pos < end && in[pos] == '}') {
      pos++;
      return true;
    }
    return false;
  }

  /** After a value: true at a comma (another field follows), false at the object's closing brace. */
  private boolean nextField() {
    whitespace();
    if (pos < end && in[pos] == ',') {
      pos++;
      return true;
    }
    expect('}');
    return false;
  }

  /** A field name among {@code names} and its colon; its index there. */
  private int fieldName(byte[][] names) {
    whitespace();
    int start = stringStart();
    int length = stringEnd() - start;
    for (int i = 0; i < names.length; i++) {
      byte[] name = names[i];
      if (name.length == length && Arrays.equals(in, start, start + length, name, 0, length)) {
        whitespace();
        expect(':');
        whitespace();
        return i;
      }
    }
    throw NOT_SIMPLE;
  }

  /** A string value, or null for {@code null}. */
  private String stringOrNull() {
    if (literalNull()) {
      return null;
    }
    int start = stringStart();
    int stop = stringEnd();
    // Only bytes below 0x80 were let through, so Latin-1 and UTF-8 read them alike; Latin-1 copies.
    return new String(in, start, stop - start, StandardCharsets.ISO_8859_1);
  }

  private boolean literalNull() {
    if (end - pos >= NULL.length && Arrays.equals(in, pos, pos + NULL.length, NULL, 0, NULL.length)) {
      pos += NULL.length;
      return true;
    }
    return false;
  }

  /** The opening quote; where the string's text starts. */
  private int stringStart() {
    expect('"');
    return pos;
  }

  /** Past the closing quote; where the string's text ended. Escapes, control and non-ASCII bytes leave the form. */
  private int stringEnd() {
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        return pos++;
      }
      if (b < 0x20 || b == '\\') {
        throw NOT_SIMPLE; // also every byte from 0x80: bytes are signed
      }
      pos++;
    }
    throw NOT_SIMPLE;
  }

  /** JSON's whitespace: space, tab, line feed, carriage return. */
  private void whitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      pos++;
    }
  }

  private void expect(char c) {
    if (pos >= end || in[pos] != c) {
      throw NOT_SIMPLE;
    }
    pos++;
  }

  /** {@code seen} with {@code field} marked; a field sent twice leaves the form. */
  private static int once(int seen, int field) {
    int bit = 1 << field;
    if ((seen & bit) != 0) {
      throw NOT_SIMPLE;
    }
    return seen | bit;
  }

  private static byte[][] names(String... names) {
    byte[][] bytes = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      bytes[i] = ascii(names[i]);
    }
    return bytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
