package vn.danvan.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps client errors out of the error log. The engine logs every exception that ends a command as
 * ENGINE-16004 at ERROR with its stack trace, except the ones it knows to be the client's
 * (BadUserRequestException, AuthorizationException: DEBUG). An unknown id or a case of another unit
 * (answered 404, see {@link ClientErrors}) is the client's too: logged at DEBUG like those, so that
 * officials probing ids cannot fill the error log. Registered in {@code logback-spring.xml}.
 */
public class ClientErrorLogFilter extends TurboFilter {

  /** The engine's command context logger, named after the engine the build targets (Camunda or Operaton). */
  static final String COMMAND_CONTEXT_LOGGER = ProcessEngine.class.getPackageName() + ".context";
  private static final ThreadLocal<Boolean> RELOGGING = new ThreadLocal<>();

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || level != Level.ERROR || RELOGGING.get() != null || !format.startsWith("ENGINE-16004")
        || !COMMAND_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable throwable = t != null ? t : MessageFormatter.getThrowableCandidate(params);
    if (throwable == null || !ClientErrors.isNotFoundInChain(throwable)) {
      return FilterReply.NEUTRAL;
    }
    if (logger.isDebugEnabled()) {
      RELOGGING.set(Boolean.TRUE);
      try {
        logger.debug(marker, format, params);
      } finally {
        RELOGGING.remove();
      }
    }
    return FilterReply.DENY;
  }
}
