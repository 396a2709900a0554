package dev.pulse.http;

import dev.pulse.support.NodeConfigs;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Service registry API on the memory store")
class MemoryServiceApiTest extends ServiceApiContract {

  MemoryServiceApiTest() {
    super(NodeConfigs.memory());
  }
}
