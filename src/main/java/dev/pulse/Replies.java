package dev.pulse;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;

/** How domain verticles answer event-bus requests from their store's futures. */
public final class Replies {

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

  public static void storeFailed(Message<?> message, String store, Throwable failure) {
    DomainFailure.fail(message, 503, "STORE_UNAVAILABLE", store + " store failed: " + failure.getMessage());
  }
}
