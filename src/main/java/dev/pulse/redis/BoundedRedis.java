package dev.pulse.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis client whose every command fails once {@code redis.timeoutMs} has passed, so that no
 * request ever hangs on an unreachable or stalled Redis. A command that timed out may still be
 * applied by Redis later; callers treat the outcome as unknown.
 */
final class BoundedRedis implements Redis {

  private final Redis redis;
  private final long timeoutMs;

  BoundedRedis(Redis redis, long timeoutMs) {
    this.redis = redis;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<RedisConnection> connect() {
    return redis.connect().timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }

  @Override
  public Future<Response> send(Request command) {
    return redis.send(command).timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    return redis.batch(commands).timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }
}
