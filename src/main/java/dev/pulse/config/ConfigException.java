package dev.pulse.config;

/** Invalid configuration: the message names the key, its environment variable and what was wrong. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
