package dev.pulse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;

/** Jackson, configured once: strict on the way in, compact on the way out. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {
  }

  /** Encodes a record (or list of records) as a JSON body. */
  public static Buffer encode(Object value) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** Compact JSON text of a parsed node. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode JSON node", e);
    }
  }

  /**
   * Parses a request body; malformed JSON is a 400 naming the body and where parsing stopped.
   */
  public static JsonNode parseBody(Buffer body) {
    try {
      return MAPPER.readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ProblemException.badRequest("INVALID_JSON", "body",
          "request body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ProblemException.badRequest("INVALID_JSON", "body", "request body cannot be read: " + e.getMessage());
    }
  }
}
