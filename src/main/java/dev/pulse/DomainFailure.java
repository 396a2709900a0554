package dev.pulse;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * How a domain verticle refuses a request ({@link DomainRequests}): an HTTP status as the failure code
 * and {@code CODE: detail} as the message, which the HTTP edge turns back into a problem body.
 */
public record DomainFailure(int status, String code, String detail) {

  private static final String SEPARATOR = ": ";

  public static void fail(Message<?> message, int status, String code, String detail) {
    message.fail(status, code + SEPARATOR + detail);
  }

  /** Reads a {@code RECIPIENT_FAILURE} written by {@link #fail}; other failures keep their message. */
  public static DomainFailure from(ReplyException failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    int at = message.indexOf(SEPARATOR);
    if (at > 0 && message.substring(0, at).matches("[A-Z][A-Z_]*")) {
      return new DomainFailure(failure.failureCode(), message.substring(0, at), message.substring(at + 2));
    }
    return new DomainFailure(failure.failureCode(), null, message);
  }

  public static boolean isRecipientFailure(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE;
  }
}
