package dev.pulse.discovery;

import dev.pulse.support.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Memory registry store")
class MemoryRegistryStoreTest extends RegistryStoreContract {

  @Override
  RegistryStore createStore(Vertx vertx, ManualClock clock, long ttlMs) {
    return new MemoryRegistryStore(clock, ttlMs);
  }
}
