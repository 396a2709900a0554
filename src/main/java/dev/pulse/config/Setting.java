package dev.pulse.config;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One configuration key: where it sits in {@code conf/config.json}, the environment variable that
 * overrides it, and what values it accepts. {@link PulseConfig#SETTINGS} is the one table of them.
 */
record Setting(String path, String env, Kind kind, long min, long max, List<String> choices) {

  enum Kind { INT, STRING, CHOICE, BOOL }

  static Setting integer(String path, String env, long min, long max) {
    return new Setting(path, env, Kind.INT, min, max, List.of());
  }

  static Setting string(String path, String env) {
    return new Setting(path, env, Kind.STRING, 0, 0, List.of());
  }

  static Setting bool(String path, String env) {
    return new Setting(path, env, Kind.BOOL, 0, 0, List.of("true", "false"));
  }

  static Setting choice(String path, String env, String... choices) {
    return new Setting(path, env, Kind.CHOICE, 0, 0, List.of(choices));
  }

  /** Reads this key from {@code config} (a dotted path into nested objects). */
  Object read(JsonObject config) {
    String[] parts = path.split("\\.");
    JsonObject node = config;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.getValue(parts[i]);
      if (!(child instanceof JsonObject object)) {
        return null;
      }
      node = object;
    }
    return node.getValue(parts[parts.length - 1]);
  }

  /** Writes {@code value} at this key's path in {@code config}, creating parents as needed. */
  void write(JsonObject config, Object value) {
    String[] parts = path.split("\\.");
    JsonObject node = config;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.getValue(parts[i]);
      if (!(child instanceof JsonObject)) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = (JsonObject) child;
    }
    node.put(parts[parts.length - 1], value);
  }

  /** Checks and converts a raw value (from JSON or from the environment) to this key's type. */
  Object convert(Object raw, String source) {
    if (raw == null) {
      throw invalid(source, "is missing");
    }
    return switch (kind) {
      case INT -> {
        long value;
        if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
          value = number.longValue();
        } else if (raw instanceof String text && text.trim().matches("-?\\d{1,18}")) {
          value = Long.parseLong(text.trim());
        } else {
          throw invalid(source, "must be a whole number, got '" + raw + "'");
        }
        if (value < min || value > max) {
          throw invalid(source, "must be between " + min + " and " + max + ", got " + value);
        }
        yield value;
      }
      case STRING -> {
        if (!(raw instanceof String text) || text.isBlank()) {
          throw invalid(source, "must be a non-empty string, got '" + raw + "'");
        }
        yield text.trim();
      }
      case BOOL -> {
        if (raw instanceof Boolean flag) {
          yield flag;
        }
        String text = String.valueOf(raw).trim().toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(text)) {
          throw invalid(source, "must be true or false, got '" + raw + "'");
        }
        yield Boolean.parseBoolean(text);
      }
      case CHOICE -> {
        String text = String.valueOf(raw).trim().toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(text)) {
          throw invalid(source, "must be one of " + String.join(" | ", choices) + ", got '" + raw + "'");
        }
        yield text;
      }
    };
  }

  private ConfigException invalid(String source, String why) {
    return new ConfigException("invalid configuration: " + env + " (" + path + ", from " + source + ") " + why);
  }
}
