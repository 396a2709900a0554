package dev.pulse.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Sends every command over one long-lived connection (for a cluster client: one connection per
 * master, pipelined), instead of checking a pooled connection out and back in per command, which
 * the Redis heartbeat profile showed as a tenth of the node's CPU. A connection that ends or fails
 * is dropped, and the next command opens a new one, so a Redis that went away and came back is used
 * again without a restart. Commands that were in flight on a dropped connection fail.
 */
final class PinnedRedis implements Redis {

  private final Redis client;
  private Future<RedisConnection> connection;

  PinnedRedis(Redis client) {
    this.client = client;
  }

  private synchronized Future<RedisConnection> connection() {
    if (connection == null) {
      Future<RedisConnection> opening = client.connect();
      connection = opening;
      opening.onSuccess(opened -> {
        opened.exceptionHandler(failure -> drop(opening));
        opened.endHandler(ended -> drop(opening));
      }).onFailure(failure -> drop(opening));
    }
    return connection;
  }

  private synchronized void drop(Future<RedisConnection> which) {
    if (connection == which) {
      connection = null;
      which.onSuccess(RedisConnection::close);
    }
  }

  @Override
  public Future<RedisConnection> connect() {
    return client.connect();
  }

  @Override
  public Future<Response> send(Request command) {
    Future<RedisConnection> current = connection();
    // Open already, as it nearly always is: send at once, without one more future per command.
    Future<Response> sent = current.succeeded() ? current.result().send(command)
        : current.compose(opened -> opened.send(command));
    return sent.onFailure(failure -> {
      if (isConnectionLost(failure)) {
        drop(current);
      }
    });
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    Future<RedisConnection> current = connection();
    return current.compose(opened -> opened.batch(commands)).onFailure(failure -> {
      if (isConnectionLost(failure)) {
        drop(current);
      }
    });
  }

  /** A failure of the connection itself, not a Redis error reply (those start with a code: ERR, NOSCRIPT…). */
  private static boolean isConnectionLost(Throwable failure) {
    return !(failure instanceof Response reply && reply.type() == io.vertx.redis.client.ResponseType.ERROR);
  }

  @Override
  public synchronized Future<Void> close() {
    Future<RedisConnection> open = connection;
    connection = null;
    Future<Void> closed = open == null ? Future.succeededFuture()
        : open.compose(RedisConnection::close).otherwiseEmpty();
    return closed.eventually(client::close);
  }
}
