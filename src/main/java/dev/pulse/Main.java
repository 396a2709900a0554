package dev.pulse;

import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.ops.Logging;
import dev.pulse.ops.PulseMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one Pulse node: reads the configuration once, deploys the verticles, logs the bound port.
 * Usage: {@code java -jar pulse.jar [--config path/to/override.json]} (or {@code PULSE_CONFIG}).
 * Exit codes: 2 invalid configuration, 1 any other start-up failure (port taken, Redis unreachable).
 * SIGTERM stops gracefully: readiness turns 503, in-flight requests finish, then Redis connections
 * close, and the process exits 0.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    String overrideFile = overrideFile(args);
    Vertx vertx = null;
    Pulse pulse;
    PulseConfig settings;
    try {
      JsonObject config = loadConfig(overrideFile);
      settings = PulseConfig.from(config);
      Logging.apply(settings);
      // Vert.x's event loops and its own metrics must be chosen when Vert.x is built, hence after the configuration.
      VertxOptions options = new VertxOptions().setEventLoopPoolSize(settings.eventLoops());
      vertx = settings.vertxMetrics() ? PulseMetrics.newVertx(options) : Vertx.vertx(options);
      pulse = Pulse.deploy(vertx, config).await();
    } catch (Exception e) {
      boolean badConfig = e instanceof ConfigException;
      LOG.error("Pulse failed to start: {}", e.getMessage());
      if (vertx != null) {
        vertx.close().await();
      }
      System.exit(badConfig ? 2 : 1);
      return;
    }
    LOG.info("Pulse listening on port {} (store={}, http instances={}, event loops={}, heartbeat ttl={} ms)",
        pulse.port(), settings.redisStore() ? "redis/" + settings.redisType() : "memory",
        settings.effectiveHttpInstances(), settings.eventLoops(), settings.heartbeatTtlMs());
    Vertx running = vertx;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(running, pulse, settings), "pulse-shutdown"));
  }

  /** Reads the configuration with a Vert.x of its own (vertx-config needs one), closed afterwards. */
  private static JsonObject loadConfig(String overrideFile) {
    Vertx reader = Vertx.vertx();
    try {
      return PulseConfig.load(reader, overrideFile).await();
    } finally {
      reader.close().await();
    }
  }

  private static void shutdown(Vertx vertx, Pulse pulse, PulseConfig settings) {
    LOG.info("Pulse stopping: finishing in-flight requests (grace {} ms)", settings.shutdownGraceMs());
    try {
      pulse.stop().eventually(vertx::close)
          .toCompletionStage().toCompletableFuture()
          .get(settings.readinessDrainMs() + settings.shutdownGraceMs() + 10_000, TimeUnit.MILLISECONDS);
      LOG.info("Pulse stopped");
    } catch (Exception e) {
      LOG.error("Pulse did not stop cleanly: {}", e.toString());
      Runtime.getRuntime().halt(1);
    }
    // A clean stop on SIGTERM is a success (exit 0), not the JVM's 143. The hook is registered only
    // once Pulse has started, and nothing calls System.exit after that, so SIGTERM (or Ctrl-C) is
    // the only way here.
    Runtime.getRuntime().halt(0);
  }

  private static String overrideFile(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--config=")) {
        return args[i].substring("--config=".length());
      }
    }
    return System.getenv(PulseConfig.CONFIG_FILE_ENV);
  }
}
