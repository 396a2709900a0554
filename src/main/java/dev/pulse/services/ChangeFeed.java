package dev.pulse.services;

import dev.pulse.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Tells every node's verticles that a service changed, as {@link Services.ServiceChanged} on
 * {@link Addresses#SERVICES_CHANGED}. In memory there is one node, so that is a local publish;
 * {@link RedisChangeFeed} relays through Redis pub/sub.
 */
public interface ChangeFeed {

  Future<Void> start();

  void publish(Services.ServiceChanged change);

  Future<Void> close();

  /** The feed of a single node: the local event bus. */
  static ChangeFeed local(Vertx vertx) {
    return new ChangeFeed() {
      @Override
      public Future<Void> start() {
        return Future.succeededFuture();
      }

      @Override
      public void publish(Services.ServiceChanged change) {
        vertx.eventBus().publish(Addresses.SERVICES_CHANGED, change);
      }

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
  }
}
