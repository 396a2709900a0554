package dev.pulse.services;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Memory service store")
class MemoryServiceStoreTest extends ServiceStoreContract {

  @Override
  ServiceStore createStore(Vertx vertx) {
    return new MemoryServiceStore();
  }
}
