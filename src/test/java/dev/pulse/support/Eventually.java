package dev.pulse.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Polls an asynchronous condition with Vert.x timers until it holds or a deadline passes. */
public final class Eventually {

  private Eventually() {
  }

  /** Completes when {@code check} yields true; fails with {@code what} once {@code timeoutMs} has passed. */
  public static Future<Void> poll(Vertx vertx, long timeoutMs, String what, Supplier<Future<Boolean>> check) {
    Promise<Void> done = Promise.promise();
    long deadline = System.currentTimeMillis() + timeoutMs;
    attempt(vertx, deadline, what, check, done);
    return done.future();
  }

  private static void attempt(Vertx vertx, long deadline, String what, Supplier<Future<Boolean>> check,
      Promise<Void> done) {
    check.get().onComplete(result -> {
      if (result.succeeded() && result.result()) {
        done.complete();
      } else if (System.currentTimeMillis() > deadline) {
        done.fail(new AssertionError("not within the deadline: " + what
            + (result.failed() ? " (last check failed: " + result.cause() + ")" : "")));
      } else {
        vertx.setTimer(20, id -> attempt(vertx, deadline, what, check, done));
      }
    });
  }
}
