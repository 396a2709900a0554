package dev.pulse;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/** How domain verticles answer requests ({@link DomainRequests}) from their store's futures. */
public final class Replies {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Replies.class);

  private Replies() {
  }

  /** Replies with the result; a store failure becomes a 503 {@code STORE_UNAVAILABLE}. */
  public static <T> void reply(Message<?> message, Future<T> result, String store) {
    result.onSuccess(message::reply).onFailure(failure -> storeFailed(message, store, failure));
  }

  /**
   * Replies with the result, or fails with 404 and {@code notFoundCode} / {@code notFoundDetail}
   * when the store found nothing (null).
   */
  public static <T> void replyIfFound(Message<?> message, Future<T> result, String store, String notFoundCode,
      String notFoundDetail) {
    result.onSuccess(found -> {
      if (found != null) {
        message.reply(found);
      } else {
        DomainFailure.fail(message, 404, notFoundCode, notFoundDetail);
      }
    }).onFailure(failure -> storeFailed(message, store, failure));
  }

  /**
   * A store's own {@code TIMEOUT} (a listing that spent its time budget, see {@code NameIndex}) is a
   * 504 {@code TIMEOUT}, the answer the caller's own wait for the domain gives. A store that could
   * not be reached, or whose command did not answer in time, is a 503 {@code STORE_UNAVAILABLE}: the
   * outcome of a write is then unknown, and retrying it is safe. Anything else is a bug in Pulse: a
   * 500, logged here once with its stack trace.
   */
  public static void storeFailed(Message<?> message, String store, Throwable failure) {
    if (failure instanceof ReplyException timeout && timeout.failureType() == ReplyFailure.TIMEOUT) {
      DomainFailure.fail(message, 504, "TIMEOUT", timeout.getMessage());
    } else if (isUnavailable(failure)) {
      DomainFailure.fail(message, 503, "STORE_UNAVAILABLE", store + " store unavailable: " + failure.getMessage());
    } else {
      LOG.error("{} store failed on {}", store, message.address(), failure);
      DomainFailure.fail(message, 500, "INTERNAL_ERROR", "internal error in the " + store + " store");
    }
  }

  /** True for failures that mean the store could not be reached or did not answer in time. */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof java.io.IOException
          || cause instanceof io.vertx.core.VertxException
          || cause.getClass().getName().startsWith("io.vertx.redis.")
          || cause.getClass().getName().startsWith("io.netty.")) {
        return true;
      }
    }
    return false;
  }
}
