package dev.pulse.http;

import dev.pulse.support.TestConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Alerts API on the memory store")
class MemoryAlertApiTest extends AlertApiContract {

  @Override
  JsonObject config(Map<String, String> env) {
    return TestConfig.memory(env);
  }
}
