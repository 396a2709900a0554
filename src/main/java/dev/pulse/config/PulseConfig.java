package dev.pulse.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Pulse's configuration, read once at start-up: {@code conf/config.json} (packaged in the jar, so it
 * always supplies every default), then an optional file named by {@code --config} or
 * {@code PULSE_CONFIG}, then one {@code PULSE_*} environment variable per key. Verticles receive the
 * validated result as their {@code config()} and read it through {@link #from(JsonObject)}.
 */
public record PulseConfig(
    int httpPort,
    int httpInstances,
    int maxBodyBytes,
    long shutdownGraceMs,
    long readinessDrainMs,
    String store,
    String redisType,
    List<String> redisEndpoints,
    int redisPoolSize,
    int redisMaxWaitingHandlers,
    String redisKeyPrefix,
    long redisTimeoutMs,
    long heartbeatTtlMs,
    long expiryIntervalMs,
    int expiryBatchSize,
    long eventBusTimeoutMs,
    long streamLeaseMs,
    int streamLimit,
    boolean streamFailOpen,
    long readingsRetentionMs,
    long eventsCoalesceMs,
    long eventsKeepaliveMs,
    int eventsMaxStreams,
    boolean vertxMetrics,
    String logFormat,
    Map<String, String> logLevels) {

  public static final String DEFAULTS_PATH = "conf/config.json";
  public static final String CONFIG_FILE_ENV = "PULSE_CONFIG";

  /** Every key Pulse reads; the README's configuration table mirrors this list. */
  static final List<Setting> SETTINGS = List.of(
      Setting.integer("http.port", "PULSE_HTTP_PORT", 0, 65535),
      Setting.integer("http.instances", "PULSE_HTTP_INSTANCES", 0, 256),
      Setting.integer("http.maxBodyBytes", "PULSE_HTTP_MAX_BODY_BYTES", 1024, 16 * 1024 * 1024),
      Setting.integer("http.shutdownGraceMs", "PULSE_HTTP_SHUTDOWN_GRACE_MS", 0, 600_000),
      Setting.integer("http.readinessDrainMs", "PULSE_HTTP_READINESS_DRAIN_MS", 0, 600_000),
      Setting.choice("store", "PULSE_STORE", "memory", "redis"),
      Setting.choice("redis.type", "PULSE_REDIS_TYPE", "standalone", "cluster"),
      Setting.string("redis.endpoints", "PULSE_REDIS_ENDPOINTS"),
      Setting.integer("redis.poolSize", "PULSE_REDIS_POOL_SIZE", 1, 1024),
      Setting.integer("redis.maxWaitingHandlers", "PULSE_REDIS_MAX_WAITING_HANDLERS", 1, 1_000_000),
      Setting.string("redis.keyPrefix", "PULSE_REDIS_KEY_PREFIX"),
      Setting.integer("redis.timeoutMs", "PULSE_REDIS_TIMEOUT_MS", 1, 600_000),
      Setting.integer("heartbeat.ttlMs", "PULSE_HEARTBEAT_TTL_MS", 1, 86_400_000),
      Setting.integer("expiry.intervalMs", "PULSE_EXPIRY_INTERVAL_MS", 1, 3_600_000),
      Setting.integer("expiry.batchSize", "PULSE_EXPIRY_BATCH_SIZE", 1, 100_000),
      Setting.integer("eventBus.timeoutMs", "PULSE_EVENTBUS_TIMEOUT_MS", 1, 600_000),
      Setting.integer("streams.leaseMs", "PULSE_STREAM_LEASE_MS", 100, 86_400_000),
      Setting.integer("streams.limit", "PULSE_STREAM_LIMIT", 0, 100),
      Setting.bool("streams.failOpen", "PULSE_STREAM_FAIL_OPEN"),
      Setting.integer("readings.retentionMs", "PULSE_READINGS_RETENTION_MS", 0, 100L * 365 * 86_400_000),
      Setting.integer("events.coalesceMs", "PULSE_EVENTS_COALESCE_MS", 50, 60_000),
      Setting.integer("events.keepaliveMs", "PULSE_EVENTS_KEEPALIVE_MS", 1_000, 600_000),
      Setting.integer("events.maxStreams", "PULSE_EVENTS_MAX_STREAMS", 0, 100_000),
      Setting.bool("metrics.vertx", "PULSE_METRICS_VERTX"),
      Setting.choice("log.format", "PULSE_LOG_FORMAT", "json", "text"),
      Setting.string("log.levels", "PULSE_LOG_LEVELS"));

  /**
   * Reads the defaults, the optional override file and the environment, and validates the result.
   * Fails with a {@link ConfigException} naming the offending key.
   */
  public static Future<JsonObject> load(Vertx vertx, String overrideFile) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setIncludeDefaultStores(false)
        .addStore(new ConfigStoreOptions().setType("file").setFormat("json")
            .setConfig(new JsonObject().put("path", DEFAULTS_PATH)));
    if (overrideFile != null && !overrideFile.isBlank()) {
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("json")
          .setConfig(new JsonObject().put("path", overrideFile)));
    }
    options.addStore(new ConfigStoreOptions().setType("env").setConfig(new JsonObject()
        .put("raw-data", true)
        .put("keys", new JsonArray(SETTINGS.stream().map(Setting::env).toList()))));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .eventually(retriever::close)
        .recover(failure -> Future.failedFuture(new ConfigException(
            "cannot read configuration (" + DEFAULTS_PATH
                + (overrideFile == null ? "" : ", " + overrideFile) + "): " + failure.getMessage())))
        .map(merged -> resolve(merged, envValues(merged)));
  }

  private static Map<String, String> envValues(JsonObject merged) {
    var values = new java.util.HashMap<String, String>();
    for (Setting setting : SETTINGS) {
      Object value = merged.getValue(setting.env());
      if (value != null) {
        values.put(setting.env(), String.valueOf(value));
      }
    }
    return values;
  }

  /**
   * Applies {@code env} overrides to {@code fileConfig} and validates every key. Returns a config
   * holding only the known keys, each converted to its type.
   */
  public static JsonObject resolve(JsonObject fileConfig, Map<String, String> env) {
    JsonObject resolved = new JsonObject();
    for (Setting setting : SETTINGS) {
      String fromEnv = env.get(setting.env());
      Object value = fromEnv != null
          ? setting.convert(fromEnv, "environment")
          : setting.convert(setting.read(fileConfig), "config file");
      setting.write(resolved, value);
    }
    from(resolved).checkConsistency();
    return resolved;
  }

  /** Typed view of a config produced by {@link #resolve}. */
  public static PulseConfig from(JsonObject config) {
    JsonObject http = config.getJsonObject("http");
    JsonObject redis = config.getJsonObject("redis");
    return new PulseConfig(
        http.getInteger("port"),
        http.getInteger("instances"),
        http.getInteger("maxBodyBytes"),
        http.getLong("shutdownGraceMs"),
        http.getLong("readinessDrainMs"),
        config.getString("store"),
        redis.getString("type"),
        Arrays.stream(redis.getString("endpoints").split(",")).map(String::trim)
            .filter(s -> !s.isEmpty()).toList(),
        redis.getInteger("poolSize"),
        redis.getInteger("maxWaitingHandlers"),
        redis.getString("keyPrefix"),
        redis.getLong("timeoutMs"),
        config.getJsonObject("heartbeat").getLong("ttlMs"),
        config.getJsonObject("expiry").getLong("intervalMs"),
        config.getJsonObject("expiry").getInteger("batchSize"),
        config.getJsonObject("eventBus").getLong("timeoutMs"),
        config.getJsonObject("streams").getLong("leaseMs"),
        config.getJsonObject("streams").getInteger("limit"),
        config.getJsonObject("streams").getBoolean("failOpen"),
        config.getJsonObject("readings").getLong("retentionMs"),
        config.getJsonObject("events").getLong("coalesceMs"),
        config.getJsonObject("events").getLong("keepaliveMs"),
        config.getJsonObject("events").getInteger("maxStreams"),
        config.getJsonObject("metrics").getBoolean("vertx"),
        config.getJsonObject("log").getString("format"),
        logLevels(config.getJsonObject("log").getString("levels")));
  }

  /** {@code "dev.pulse=DEBUG, io.vertx=WARN"} as logger → level; a malformed entry is a {@link ConfigException}. */
  static Map<String, String> logLevels(String text) {
    Map<String, String> levels = new java.util.LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split("=", -1);
      String level = parts.length == 2 ? parts[1].trim().toUpperCase(java.util.Locale.ROOT) : "";
      if (parts.length != 2 || !parts[0].trim().matches("[A-Za-z0-9_.$]+|ROOT")
          || !List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level)) {
        throw new ConfigException("invalid configuration: PULSE_LOG_LEVELS (log.levels) must be comma-separated "
            + "logger=LEVEL pairs (TRACE, DEBUG, INFO, WARN, ERROR, OFF), e.g. dev.pulse=DEBUG, got '" + entry.trim() + "'");
      }
      levels.put(parts[0].trim(), level);
    }
    return Map.copyOf(levels);
  }

  /** HTTP verticle instances: the configured count, or one per core when it is 0. */
  public int effectiveHttpInstances() {
    return httpInstances > 0 ? httpInstances : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Vert.x event loops: as many as HTTP verticles (Vert.x's default is two per core). Every loop then
   * runs one HTTP verticle, so each domain verticle shares its thread with one of them, and the
   * requests that HTTP verticle parses reach the domain without a hand-off ({@link
   * dev.pulse.DomainRequests}); spare loops would only be more threads to wake. Measured on 2 cores
   * (BENCHMARKS.md): heartbeats at 0.78 of the bare server's rate with 2 loops and 0.78 with 4,
   * alert events at 0.59 and 0.55.
   */
  public int eventLoops() {
    return effectiveHttpInstances();
  }

  public boolean redisStore() {
    return "redis".equals(store);
  }

  public boolean redisCluster() {
    return "cluster".equals(redisType);
  }

  private void checkConsistency() {
    for (String endpoint : redisEndpoints) {
      if (!endpoint.matches("rediss?://[^\\s/]+(:\\d{1,5})?(/\\d+)?")) {
        throw new ConfigException("invalid configuration: PULSE_REDIS_ENDPOINTS (redis.endpoints) "
            + "must be comma-separated redis://host:port URLs, got '" + endpoint + "'");
      }
    }
    if (redisEndpoints.isEmpty()) {
      throw new ConfigException("invalid configuration: PULSE_REDIS_ENDPOINTS (redis.endpoints) is empty");
    }
    if (!redisKeyPrefix.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new ConfigException("invalid configuration: PULSE_REDIS_KEY_PREFIX (redis.keyPrefix) must be "
          + "1-64 characters from [A-Za-z0-9._:-], got '" + redisKeyPrefix + "'");
    }
  }
}
