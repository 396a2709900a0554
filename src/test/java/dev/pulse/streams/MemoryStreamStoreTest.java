package dev.pulse.streams;

import dev.pulse.support.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Memory stream store")
class MemoryStreamStoreTest extends StreamStoreContract {

  @Override
  StreamStore createStore(Vertx vertx, ManualClock clock, long leaseMs, int defaultLimit) {
    return new MemoryStreamStore(clock, leaseMs, defaultLimit);
  }
}
