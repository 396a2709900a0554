package dev.pulse;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the asynchronous tasks of one key one after the other (each starts when the previous one
 * has completed, whatever its outcome), tasks of different keys concurrently. Confined to the
 * event loop of its owner; a key is forgotten once its last task completes.
 */
public final class InTurn {

  private final Map<String, Future<?>> last = new HashMap<>();

  /**
   * Runs {@code task} after the key's previous task. A queued task starts on the context it was
   * queued from (not on the previous task's), so that it keeps its own request's id in its logs.
   */
  public <T> Future<T> run(String key, Supplier<Future<T>> task) {
    Future<?> previous = last.get(key);
    Context caller = Vertx.currentContext();
    Future<T> next = previous == null ? task.get() : previous.transform(done -> {
      if (caller == null || caller == Vertx.currentContext()) {
        return task.get();
      }
      Promise<T> started = Promise.promise();
      caller.runOnContext(ignored -> task.get().onComplete(started));
      return started.future();
    });
    last.put(key, next);
    next.onComplete(done -> last.remove(key, next));
    return next;
  }
}
