package vn.danvan.calendar;

/**
 * A holiday file cannot be used. The message names the file, the line (when the problem is on one)
 * and the problem, so that an operator can fix the file; startup stops rather than count deadlines
 * with a wrong calendar.
 */
public class HolidayFileException extends IllegalStateException {

  public HolidayFileException(String source, int line, String problem) {
    super("Holiday file " + source + ", line " + line + ": " + problem);
  }

  public HolidayFileException(String source, String problem, Throwable cause) {
    super("Holiday file " + source + ": " + problem, cause);
  }

  public HolidayFileException(String source, String problem) {
    this(source, problem, null);
  }
}
