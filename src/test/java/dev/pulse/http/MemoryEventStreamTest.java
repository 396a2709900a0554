package dev.pulse.http;

import dev.pulse.support.NodeConfigs;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Live events (GET /events) on the memory store")
class MemoryEventStreamTest extends EventStreamContract {

  MemoryEventStreamTest() {
    super(NodeConfigs.memory());
  }
}
