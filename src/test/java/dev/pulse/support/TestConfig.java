package dev.pulse.support;

import dev.pulse.config.PulseConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Node configurations for tests, built the way {@code Main} builds them: {@code conf/config.json}
 * plus {@code PULSE_*} overrides, through {@link PulseConfig#resolve}. Every node listens on an
 * ephemeral port.
 */
public final class TestConfig {

  private TestConfig() {
  }

  /** The listing budget given to Redis stores built directly by tests: Pulse's default request timeout. */
  public static final long LIST_BUDGET_MS = 5_000;

  public static JsonObject memory(Map<String, String> env) {
    return resolve(env);
  }

  /** A node on {@code cluster} whose keys live under {@code keyPrefix}. */
  public static JsonObject redis(LocalRedis cluster, String keyPrefix, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("PULSE_STORE", "redis");
    all.put("PULSE_REDIS_TYPE", "cluster");
    all.put("PULSE_REDIS_ENDPOINTS", cluster.endpointList());
    all.put("PULSE_REDIS_KEY_PREFIX", keyPrefix);
    return resolve(all);
  }

  /** A key prefix no other test uses. */
  public static String uniquePrefix() {
    return "t-" + UUID.randomUUID();
  }

  public static JsonObject defaults() {
    try {
      return new JsonObject(Files.readString(Path.of(PulseConfig.DEFAULTS_PATH)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject resolve(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PULSE_HTTP_PORT", "0");
    all.putIfAbsent("PULSE_HTTP_INSTANCES", "2");
    return PulseConfig.resolve(defaults(), all);
  }
}
