package dev.pulse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.io.OutputStream;

/** Jackson, configured once: strict on the way in, compact on the way out. */
public final class Json {

  /**
   * Numbers are read as {@code BigDecimal} / {@code BigInteger}, so metadata such as
   * {@code 0.12345678901234567890123} or {@code 1e999999} is stored exactly as sent.
   */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {
  }

  /**
   * Encodes a record (or list of records) as a JSON body. Jackson writes into its own recycled
   * buffer and hands the text over when it closes, so the body is allocated once at its exact size
   * and copied once, not copied from a byte array into the buffer.
   */
  public static Buffer encode(Object value) {
    BufferOutput body = new BufferOutput();
    try {
      MAPPER.writeValue(body, value);
      return body.buffer == null ? Buffer.buffer() : body.buffer;
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** Collects what Jackson writes into a buffer sized by the first write (the whole body unless it is large). */
  private static final class BufferOutput extends OutputStream {
    private Buffer buffer;

    @Override
    public void write(int b) {
      if (buffer == null) {
        buffer = Buffer.buffer();
      }
      buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      if (buffer == null) {
        buffer = Buffer.buffer(length);
      }
      buffer.appendBytes(bytes, offset, length);
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
    return parseBody(Bytes.of(body));
  }

  /** As {@link #parseBody(Buffer)}, for a body whose bytes were taken already. */
  static JsonNode parseBody(Bytes body) {
    try {
      JsonNode root = MAPPER.readTree(body.array(), body.offset(), body.length());
      if (maySpellSurrogates(body.array(), body.offset(), body.length())) {
        requireValidUnicode(root);
      }
      return root;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ProblemException.badRequest("INVALID_JSON", "body",
          "request body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ProblemException.badRequest("INVALID_JSON", "body", "request body cannot be read: " + e.getMessage());
    }
  }

  /**
   * A body's bytes where they are: {@code length} bytes of {@code array} from {@code offset}. Read
   * in place from a heap buffer (what Vert.x hands out for request bodies); any other buffer is
   * copied.
   */
  record Bytes(byte[] array, int offset, int length) {

    static Bytes of(Buffer body) {
      ByteBuf bytes = ((BufferInternal) body).getByteBuf();
      if (!bytes.hasArray()) {
        byte[] copy = body.getBytes();
        return new Bytes(copy, 0, copy.length);
      }
      return new Bytes(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
    }
  }

  /**
   * A request body that must be a JSON object when present: null for no body (or only blanks),
   * a 400 naming the body when it is not valid JSON or not an object.
   */
  public static JsonNode objectBody(Buffer body) {
    if (body == null || isBlank(body)) {
      return null;
    }
    JsonNode root = parseBody(body);
    if (!root.isObject()) {
      throw ProblemException.badRequest("INVALID_BODY", "body", "request body must be a JSON object, got " + kind(root));
    }
    return root;
  }

  /** "an array", "a string", … for error messages. */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static boolean isBlank(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      byte b = body.getByte(i);
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a surrogate can appear in the parsed text: only through a {@code \\u} escape, through
   * the bytes {@code ED A0..BF} (surrogates encoded as UTF-8), or in a UTF-16 or UTF-32 body (which
   * Jackson also reads, and whose JSON always has a zero byte). Bodies with none of these bytes are
   * not walked again.
   */
  private static boolean maySpellSurrogates(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == '\\' || b == (byte) 0xED || b == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * JSON escapes can spell an unpaired UTF-16 surrogate ({@code "\\ud800"}), which no UTF-8 text can
   * carry: stored, it could never be written out again. Such a body is a 400.
   */
  private static void requireValidUnicode(JsonNode node) {
    if (node.isTextual()) {
      requireValidUnicode(node.textValue());
    } else if (node.isContainerNode()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        requireValidUnicode(field.getKey());
        requireValidUnicode(field.getValue());
      }
      if (node.isArray()) {
        for (JsonNode element : node) {
          requireValidUnicode(element);
        }
      }
    }
  }

  private static void requireValidUnicode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw ProblemException.badRequest("INVALID_JSON", "body", String.format(
            "request body contains an unpaired surrogate \\u%04x, which is not valid Unicode", (int) c));
      }
    }
  }
}
