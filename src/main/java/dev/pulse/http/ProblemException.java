package dev.pulse.http;

/**
 * A request Pulse refuses, rendered as {@code application/problem+json} by {@link Problems}.
 * {@code field} names the input at fault (a path parameter, body field or query parameter), or is null.
 */
public final class ProblemException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;
  private final java.util.Map<String, Object> extensions;

  public ProblemException(int status, String code, String field, String detail) {
    this(status, code, field, detail, java.util.Map.of());
  }

  /** A problem with extension members (RFC 9457 §3.2) that a client needs to act on the refusal. */
  public ProblemException(int status, String code, String field, String detail,
      java.util.Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.extensions = extensions;
  }

  public static ProblemException badRequest(String code, String field, String detail) {
    return new ProblemException(400, code, field, detail);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public java.util.Map<String, Object> extensions() {
    return extensions;
  }
}
