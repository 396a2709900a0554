package dev.pulse.readings;

import dev.pulse.support.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Memory reading store")
class MemoryReadingStoreTest extends ReadingStoreContract {

  @Override
  ReadingStore newStore(Vertx vertx, ManualClock clock, long retentionMs) {
    return new MemoryReadingStore(clock, retentionMs);
  }
}
