package dev.pulse.http;

/**
 * A request Pulse refuses, rendered as {@code application/problem+json} by {@link Problems}.
 * {@code field} names the input at fault (a path parameter, body field or query parameter), or is null.
 */
public final class ProblemException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;

  public ProblemException(int status, String code, String field, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
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
}
