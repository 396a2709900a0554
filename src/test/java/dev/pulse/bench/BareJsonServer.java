package dev.pulse.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Benchmark baseline (a), not part of Pulse: a bare Vert.x server answering every request with a
 * small JSON body, with as many server instances as Pulse's default (one per core). What Pulse's
 * memory-store scenarios are compared with. Usage: {@code BareJsonServer <port>}.
 */
public final class BareJsonServer extends VerticleBase {

  private static final Buffer BODY = Buffer.buffer(
      "{\"id\":\"i-1\",\"group\":\"g-1\",\"createdAt\":1795368123245,\"updatedAt\":1795368123245,\"meta\":{}}");

  private final int port;

  private BareJsonServer(int port) {
    this.port = port;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new BareJsonServer(port),
        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())).await();
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> request.response()
            .putHeader("Content-Type", "application/json").end(BODY)))
        .listen(port);
  }
}
