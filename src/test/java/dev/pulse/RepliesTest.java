package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("How a domain answers its store's failures (Replies)")
class RepliesTest {

  private final Vertx vertx = Vertx.vertx();
  private final DomainRequests requests = new DomainRequests(vertx);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** The failure the caller of a domain whose store failed with {@code storeFailure} receives. */
  private DomainFailure answerTo(Throwable storeFailure) {
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return requests.handle("test.store", message ->
            Replies.reply(message, Future.failedFuture(storeFailure), "test"));
      }
    }).await();
    try {
      requests.request("test.store", null, 60_000).await();
    } catch (ReplyException failure) {
      assertThat(failure.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
      return DomainFailure.from(failure);
    }
    throw new AssertionError("the request succeeded");
  }

  @Test
  @DisplayName("a store's own TIMEOUT (a listing past its budget) is a 504 TIMEOUT that keeps the store's words")
  void storeTimeoutIs504() {
    DomainFailure answer = answerTo(new ReplyException(ReplyFailure.TIMEOUT, "listing stopped after 200 entries"));

    assertThat(answer).isEqualTo(new DomainFailure(504, "TIMEOUT", "listing stopped after 200 entries"));
  }

  @Test
  @DisplayName("a store that cannot be reached is a 503 STORE_UNAVAILABLE")
  void unreachableIs503() {
    assertThat(answerTo(new IOException("connection refused")))
        .isEqualTo(new DomainFailure(503, "STORE_UNAVAILABLE", "test store unavailable: connection refused"));
  }

  @Test
  @DisplayName("a bug in a store is a 500 INTERNAL_ERROR that does not leak its message")
  void bugIs500() {
    assertThat(answerTo(new IllegalStateException("secret detail")))
        .isEqualTo(new DomainFailure(500, "INTERNAL_ERROR", "internal error in the test store"));
  }
}
