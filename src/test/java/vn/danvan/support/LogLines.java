package vn.danvan.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Counts what a logger writes while an action runs, at a level set for that time only: how tests
 * see what the engine or MyBatis did (each executed statement, each check answered from memory)
 * where no API tells.
 */
public final class LogLines {

  /** What the action returned, and how many of the lines logged meanwhile contain the fragment. */
  public record Counted<T>(T result, int lines) {
  }

  private LogLines() {
  }

  public static <T> Counted<T> count(String logger, Level level, String fragment, Supplier<T> action) {
    Logger log = (Logger) LoggerFactory.getLogger(logger);
    Level before = log.getLevel();
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.addAppender(lines);
    log.setLevel(level);
    try {
      T result = action.get();
      return new Counted<>(result, (int) lines.list.stream().filter(e -> e.getFormattedMessage().contains(fragment))
          .count());
    } finally {
      log.setLevel(before);
      log.detachAppender(lines);
    }
  }
}
