package dev.pulse.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.pulse.config.PulseConfig;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.format} and {@code log.levels} once the configuration is read: the root logger
 * writes one JSON object per line ({@code json}) or a readable pattern ({@code text}) to stdout.
 * Left alone when Logback is not the SLF4J backend or was configured by a file given with
 * {@code -Dlogback.configurationFile} (tests, or an operator's own file).
 */
public final class Logging {

  static final String TEXT_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{24} %X{requestId:-} - %msg%n";

  private Logging() {
  }

  public static void apply(PulseConfig config) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
        || System.getProperty("logback.configurationFile") != null) {
      return;
    }
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(config.logFormat());
    appender.setEncoder(encoder(context, config.logFormat()));
    appender.start();
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    for (Map.Entry<String, String> level : config.logLevels().entrySet()) {
      context.getLogger(level.getKey()).setLevel(Level.toLevel(level.getValue()));
    }
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if (format.equals("text")) {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setContext(context);
      pattern.setPattern(TEXT_PATTERN);
      pattern.start();
      return pattern;
    }
    LogstashEncoder json = new LogstashEncoder();
    json.setContext(context);
    json.start();
    return json;
  }
}
