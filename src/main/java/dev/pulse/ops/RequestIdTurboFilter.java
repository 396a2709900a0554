package dev.pulse.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Copies the current request id ({@link RequestIds#current()}) into the SLF4J MDC as
 * {@code requestId} just before each log call is decided, so that the text pattern
 * ({@code %X{requestId}}) and the JSON encoder see it, on whichever event loop the line is logged.
 * It never filters anything out, and does nothing for level checks that log nothing. (SLF4J's
 * fluent API, {@code LOG.atInfo().log(…)}, is decided by such a check alone, so lines logged
 * through it would carry a stale id: Pulse logs through the classic methods only.)
 */
public final class RequestIdTurboFilter extends TurboFilter {

  public static final String MDC_KEY = "requestId";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null && params == null && t == null) {
      // An isXxxEnabled() check (vertx-web asks isTraceEnabled at every routing step): nothing is
      // logged, so the MDC can wait for the log call itself.
      return FilterReply.NEUTRAL;
    }
    String id = RequestIds.current();
    if (id != null) {
      MDC.put(MDC_KEY, id);
    } else if (MDC.get(MDC_KEY) != null) {
      MDC.remove(MDC_KEY);
    }
    return FilterReply.NEUTRAL;
  }
}
