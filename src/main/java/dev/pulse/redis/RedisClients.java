package dev.pulse.redis;

import dev.pulse.config.PulseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.util.function.Function;

/**
 * Builds the Redis client a verticle uses, from its config: commands pipelined over one long-lived
 * connection ({@link PinnedRedis}), every command bounded by {@code redis.timeoutMs}.
 */
public final class RedisClients {

  private RedisClients() {
  }

  public static Redis create(Vertx vertx, PulseConfig config) {
    RedisOptions options = new RedisOptions()
        .setType(config.redisCluster() ? RedisClientType.CLUSTER : RedisClientType.STANDALONE)
        .setMaxPoolSize(config.redisPoolSize())
        .setMaxPoolWaiting(config.redisMaxWaitingHandlers())
        .setMaxWaitingHandlers(config.redisMaxWaitingHandlers());
    config.redisEndpoints().forEach(options::addConnectionString);
    return new BoundedRedis(new PinnedRedis(Redis.createClient(vertx, options)), config.redisTimeoutMs());
  }

  /**
   * Turns a store's failed start into the one-line reason a deployment fails with, naming the
   * store and the Redis endpoints.
   */
  public static Function<Throwable, Future<Void>> notReady(String store,
      PulseConfig config) {
    return failure -> Future.failedFuture(new IllegalStateException(
        store + " store '" + config.store() + "' not ready (Redis " + String.join(",", config.redisEndpoints())
            + "): " + failure.getMessage(), failure));
  }
}
