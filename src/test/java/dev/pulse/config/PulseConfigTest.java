package dev.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.support.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@DisplayName("Configuration")
class PulseConfigTest {

  @Test
  @DisplayName("conf/config.json supplies every key: the embedded default is a memory store on port 8080, one HTTP verticle and one event loop per core")
  void defaults() {
    PulseConfig config = PulseConfig.from(PulseConfig.resolve(TestConfig.defaults(), Map.of()));

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.store()).isEqualTo("memory");
    assertThat(config.redisType()).isEqualTo("standalone");
    assertThat(config.redisEndpoints()).containsExactly("redis://127.0.0.1:6379");
    assertThat(config.heartbeatTtlMs()).isEqualTo(30_000);
    assertThat(config.expiryIntervalMs()).isEqualTo(1_000);
    assertThat(config.maxBodyBytes()).isEqualTo(65_536);
    assertThat(config.effectiveHttpInstances()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(config.eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  @DisplayName("each PULSE_* variable overrides its key, converted to the key's type")
  void environmentOverrides() {
    PulseConfig config = PulseConfig.from(PulseConfig.resolve(TestConfig.defaults(), Map.of(
        "PULSE_HTTP_PORT", "9090",
        "PULSE_HTTP_INSTANCES", "3",
        "PULSE_STORE", "REDIS",
        "PULSE_REDIS_TYPE", "cluster",
        "PULSE_REDIS_ENDPOINTS", "redis://10.0.0.1:7000, redis://10.0.0.2:7001",
        "PULSE_HEARTBEAT_TTL_MS", "5000",
        "PULSE_EXPIRY_INTERVAL_MS", "250")));

    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.effectiveHttpInstances()).isEqualTo(3);
    assertThat(config.eventLoops()).isEqualTo(3);
    assertThat(config.redisStore()).isTrue();
    assertThat(config.redisCluster()).isTrue();
    assertThat(config.redisEndpoints()).containsExactly("redis://10.0.0.1:7000", "redis://10.0.0.2:7001");
    assertThat(config.heartbeatTtlMs()).isEqualTo(5000);
    assertThat(config.expiryIntervalMs()).isEqualTo(250);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "PULSE_STORE              | postgres         | must be one of memory | redis",
      "PULSE_REDIS_TYPE         | sentinel         | must be one of standalone | cluster",
      "PULSE_HTTP_PORT          | 70000            | must be between 0 and 65535",
      "PULSE_HTTP_PORT          | eighty           | must be a whole number",
      "PULSE_HEARTBEAT_TTL_MS   | 30s              | must be a whole number",
      "PULSE_HEARTBEAT_TTL_MS   | 0                | must be between 1 and",
      "PULSE_EXPIRY_INTERVAL_MS | -5               | must be between 1 and",
      "PULSE_REDIS_ENDPOINTS    | localhost:6379   | must be comma-separated redis://host:port URLs",
      "PULSE_HTTP_INSTANCES     | many             | must be a whole number",
      "PULSE_LOG_FORMAT         | xml              | must be one of json",
      "PULSE_LOG_LEVELS         | dev.pulse=LOUD   | must be comma-separated logger=LEVEL pairs",
      "PULSE_LOG_LEVELS         | dev.pulse        | must be comma-separated logger=LEVEL pairs"})
  @DisplayName("an invalid value stops start-up with one line naming the variable and why")
  void invalidValues(String env, String value, String why) {
    assertThatThrownBy(() -> PulseConfig.resolve(TestConfig.defaults(), Map.of(env, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(env)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("an invalid value in a config file names the key")
  void invalidFileValue() {
    JsonObject file = TestConfig.defaults();
    file.getJsonObject("heartbeat").put("ttlMs", "soon");

    assertThatThrownBy(() -> PulseConfig.resolve(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("heartbeat.ttlMs")
        .hasMessageContaining("config file");
  }

  @Test
  @DisplayName("an override file given at start-up is merged over the packaged defaults")
  void overrideFile(Vertx vertx, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("pulse.json");
    Files.writeString(file, "{\"http\":{\"port\":9999},\"heartbeat\":{\"ttlMs\":1234}}");

    PulseConfig config = PulseConfig.from(PulseConfig.load(vertx, file.toString()).await());

    assertThat(config.httpPort()).isEqualTo(9999);
    assertThat(config.heartbeatTtlMs()).isEqualTo(1234);
    assertThat(config.maxBodyBytes()).isEqualTo(65_536);
  }

  @Test
  @DisplayName("a missing override file is a configuration error naming the file")
  void missingOverrideFile(Vertx vertx, @TempDir Path dir) {
    String missing = dir.resolve("absent.json").toString();

    assertThatThrownBy(() -> PulseConfig.load(vertx, missing).await())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing);
  }

  @Test
  @DisplayName("every setting has a PULSE_* variable, and the README's table lists each of them")
  void settingsDocumented() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    List<String> envs = PulseConfig.SETTINGS.stream().map(Setting::env).toList();

    assertThat(envs).allMatch(env -> env.startsWith("PULSE_")).doesNotHaveDuplicates();
    for (Setting setting : PulseConfig.SETTINGS) {
      assertThat(readme).as("README documents " + setting.env())
          .contains("`" + setting.env() + "`").contains("`" + setting.path() + "`");
    }
  }
}
