package vn.danvan.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps personal data out of the log when the database refuses a statement. The engine
 * (ENGINE-03083/03004 with its flush summary of entities and their variable values, ENGINE-16004 on
 * closing the command context), its REST API (ENGINE-REST-HTTP500 with the whole stack trace as
 * text), MyBatis ("### Error … ### SQL …"), PostgreSQL's driver ("Batch entry 0 insert … values
 * (…) was aborted") and Spring or Tomcat reporting the same exception all print the rejected values.
 *
 * <p>A logback turbo filter sees every event before any appender: an event that carries a database
 * error (in its throwable, or printed into its message) is dropped and logged again, same logger and
 * level, with its message and every exception message rewritten by {@link DatabaseErrorText}: the
 * error stays in the log with its engine code, exception classes, stack frames, SQLState and the
 * database's reason, without statements and values. Registered in {@code logback-spring.xml}.
 */
public class DatabaseErrorLogFilter extends TurboFilter {

  private static final ThreadLocal<Boolean> REWRITING = new ThreadLocal<>();

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || REWRITING.get() != null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return FilterReply.NEUTRAL;
    }
    // Without an explicit throwable, SLF4J takes a trailing Throwable argument as the event's throwable.
    FormattingTuple formatted = t != null ? MessageFormatter.arrayFormat(format, params, t) : MessageFormatter.arrayFormat(format, params);
    Throwable throwable = t != null ? t : formatted.getThrowable();
    String message = formatted.getMessage() == null ? format : formatted.getMessage();
    boolean inThrowable = throwable != null && DatabaseErrorText.isDatabaseError(throwable);
    if (!inThrowable && !DatabaseErrorText.looksLikeDatabaseError(message)) {
      return FilterReply.NEUTRAL;
    }
    REWRITING.set(Boolean.TRUE);
    try {
      String summary = throwable == null ? null : DatabaseErrorText.summary(throwable);
      LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level,
          DatabaseErrorText.text(message, summary), null, null);
      if (throwable != null) {
        event.setThrowableProxy(new SanitizedTop(throwable, summary));
      }
      if (marker != null) {
        event.addMarker(marker);
      }
      logger.callAppenders(event);
    } finally {
      REWRITING.remove();
    }
    return FilterReply.DENY;
  }

  /** The logged throwable (logback wants this one concrete), its causes wrapped like {@link Sanitized}. */
  private static final class SanitizedTop extends ThrowableProxy {
    private final Sanitized sanitized;

    SanitizedTop(Throwable throwable, String summary) {
      super(throwable);
      this.sanitized = new Sanitized(this, throwable, summary, true);
    }

    @Override
    public String getMessage() {
      return sanitized.getMessage();
    }

    @Override
    public IThrowableProxy getCause() {
      return sanitized.getCause();
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      return sanitized.getSuppressed();
    }

    IThrowableProxy originalCause() {
      return super.getCause();
    }

    IThrowableProxy[] originalSuppressed() {
      return super.getSuppressed();
    }
  }

  /** A throwable as logback prints it, with rewritten messages throughout the chain. */
  private static final class Sanitized implements IThrowableProxy {
    private final IThrowableProxy proxy;
    private final String message;
    private final String summary;

    Sanitized(IThrowableProxy proxy, Throwable throwable, String summary) {
      this(proxy, throwable, summary, false);
    }

    /** With {@code top}, {@code proxy} is the {@link SanitizedTop} itself: read its real parts through super. */
    private Sanitized(IThrowableProxy proxy, Throwable throwable, String summary, boolean top) {
      this.proxy = top ? new Original((ThrowableProxy) proxy) : proxy;
      this.summary = summary;
      this.message = throwable == null
          ? (proxy.getMessage() == null ? null : DatabaseErrorText.wrapperMessage(proxy.getMessage(), summary))
          : DatabaseErrorText.throwableMessage(throwable, summary);
    }

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public String getClassName() {
      return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      IThrowableProxy cause = proxy.getCause();
      return cause == null ? null : new Sanitized(cause, throwableOf(cause), summary);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = proxy.getSuppressed();
      if (suppressed == null) {
        return null;
      }
      IThrowableProxy[] result = new IThrowableProxy[suppressed.length];
      for (int i = 0; i < suppressed.length; i++) {
        result[i] = new Sanitized(suppressed[i], throwableOf(suppressed[i]), summary);
      }
      return result;
    }

    @Override
    public boolean isCyclic() {
      return proxy.isCyclic();
    }

    private static Throwable throwableOf(IThrowableProxy proxy) {
      return proxy instanceof ThrowableProxy real ? real.getThrowable() : null;
    }
  }

  /** The unmodified parts of a {@link SanitizedTop}, as {@link ThrowableProxy} computed them. */
  private record Original(ThrowableProxy top) implements IThrowableProxy {
    @Override
    public String getMessage() {
      return top.getThrowable().getMessage();
    }

    @Override
    public String getClassName() {
      return top.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return top.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return top.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return ((SanitizedTop) top).originalCause();
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      return ((SanitizedTop) top).originalSuppressed();
    }

    @Override
    public boolean isCyclic() {
      return top.isCyclic();
    }
  }
}
