package dev.pulse.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;

/**
 * Benchmark baseline (b), not part of Pulse: a bare Vert.x server doing one Redis round trip per
 * request (an {@code EVALSHA} of a trivial script whose key carries the request's path as its hash
 * tag, so that requests for different groups, instances or users spread over the cluster's shards
 * as Pulse's do), then answering a small JSON body. Usage:
 * {@code BareRedisServer <port> <redis://host:port,…>}.
 */
public final class BareRedisServer extends VerticleBase {

  private static final String SCRIPT = "return redis.call('INCR', KEYS[1])";
  private static final Buffer BODY = Buffer.buffer("{\"ok\":true}");

  private final int port;
  private final String endpoints;
  private Redis redis;
  private String sha;

  private BareRedisServer(int port, String endpoints) {
    this.port = port;
    this.endpoints = endpoints;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new BareRedisServer(port, args[1]),
        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
  }

  @Override
  public Future<?> start() {
    RedisOptions options = new RedisOptions().setType(RedisClientType.CLUSTER).setMaxPoolSize(16)
        .setMaxPoolWaiting(8192).setMaxWaitingHandlers(8192);
    for (String endpoint : endpoints.split(",")) {
      options.addConnectionString(endpoint);
    }
    redis = Redis.createClient(vertx, options);
    return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT))
        .compose(loaded -> {
          sha = loaded.toString();
          // SCRIPT LOAD reached one node; load it everywhere through EVAL once per shard's keys.
          return Future.all(java.util.stream.IntStream.range(0, 64).mapToObj(i ->
              redis.send(Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg("bench:{" + i + "}"))).toList());
        })
        .compose(ready -> vertx.createHttpServer().requestHandler(request -> {
          String tag = request.path();
          request.body()
              .compose(body -> redis.send(Request.cmd(Command.EVALSHA).arg(sha).arg(1).arg("bench:{" + tag + "}")))
              .onSuccess(reply -> request.response().putHeader("Content-Type", "application/json").end(BODY))
              .onFailure(failure -> request.response().setStatusCode(503).end());
        }).listen(port));
  }
}
