package dev.pulse;

import io.vertx.core.Future;
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

  public <T> Future<T> run(String key, Supplier<Future<T>> task) {
    Future<?> previous = last.get(key);
    Future<T> next = previous == null ? task.get() : previous.transform(done -> task.get());
    last.put(key, next);
    next.onComplete(done -> last.remove(key, next));
    return next;
  }
}
