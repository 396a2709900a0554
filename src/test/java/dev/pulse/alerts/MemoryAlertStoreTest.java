package dev.pulse.alerts;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Memory alert store")
class MemoryAlertStoreTest extends AlertStoreContract {

  @Override
  AlertStore newStore(Vertx vertx) {
    return new MemoryAlertStore();
  }
}
