package dev.pulse.redis;

import dev.pulse.config.PulseConfig;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/** Builds the Redis client a verticle uses, from its config: every command bounded by {@code redis.timeoutMs}. */
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
    return new BoundedRedis(Redis.createClient(vertx, options), config.redisTimeoutMs());
  }
}
