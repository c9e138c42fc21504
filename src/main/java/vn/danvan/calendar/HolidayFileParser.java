package vn.danvan.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one holiday file ({@code <year>.csv}): lines {@code date,kind,name[,status]}, {@code #}
 * starts a comment, blank lines and an optional {@code date,kind,...} header are skipped. Every
 * problem is reported with the file and line, because operators edit these files by hand.
 */
final class HolidayFileParser {

  private static final String CONFIRMED = "confirmed";
  private static final String UNCONFIRMED = "unconfirmed";

  private HolidayFileParser() {}

  /** The year a file is for, from its name {@code 2026.csv}. */
  static int yearOf(String fileName, String source) {
    if (fileName == null || !fileName.matches("\\d{4}\\.csv")) {
      throw new HolidayFileException(source, "the file name must be <year>.csv, e.g. 2026.csv");
    }
    return Integer.parseInt(fileName.substring(0, 4));
  }

  static HolidayYear parse(String source, int year, List<String> lines) {
    Map<LocalDate, CalendarEntry> entries = new HashMap<>();
    Map<LocalDate, Integer> lineOf = new HashMap<>();
    boolean headerAllowed = true;
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = stripComment(i == 0 ? stripBom(lines.get(i)) : lines.get(i)).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (headerAllowed && line.toLowerCase(Locale.ROOT).startsWith("date,")) {
        headerAllowed = false;
        continue;
      }
      headerAllowed = false;
      CalendarEntry entry = parseLine(source, year, lineNumber, line);
      Integer previous = lineOf.putIfAbsent(entry.date(), lineNumber);
      if (previous != null) {
        throw new HolidayFileException(source, lineNumber, "duplicate date " + entry.date() + " (already on line " + previous + ")");
      }
      entries.put(entry.date(), entry);
    }
    return new HolidayYear(year, source, entries);
  }

  private static CalendarEntry parseLine(String source, int year, int lineNumber, String line) {
    String[] fields = line.split(",", -1);
    for (int f = 0; f < fields.length; f++) {
      fields[f] = fields[f].strip();
    }
    if (fields.length < 3 || fields.length > 4) {
      throw new HolidayFileException(source, lineNumber,
          "expected 3 or 4 fields date,kind,name[,status] but found " + fields.length + " in '" + line + "'");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(fields[0]);
    } catch (DateTimeParseException e) {
      throw new HolidayFileException(source, lineNumber, "bad date '" + fields[0] + "', expected yyyy-MM-dd");
    }
    if (date.getYear() != year) {
      throw new HolidayFileException(source, lineNumber, "date " + date + " is not in " + year + ", the year of this file");
    }
    CalendarEntry.Kind kind = kind(source, lineNumber, fields[1]);
    if (kind == CalendarEntry.Kind.WORKING_DAY && !isWeekend(date)) {
      throw new HolidayFileException(source, lineNumber,
          "WORKING_DAY " + date + " is a " + date.getDayOfWeek() + "; only a Saturday or Sunday can be a swapped working day");
    }
    if (fields[2].isEmpty()) {
      throw new HolidayFileException(source, lineNumber, "missing name");
    }
    boolean confirmed = fields.length == 3 || confirmed(source, lineNumber, fields[3]);
    return new CalendarEntry(date, kind, fields[2], confirmed);
  }

  private static CalendarEntry.Kind kind(String source, int lineNumber, String text) {
    if (text.isEmpty()) {
      throw new HolidayFileException(source, lineNumber, "missing kind, expected HOLIDAY or WORKING_DAY");
    }
    try {
      return CalendarEntry.Kind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new HolidayFileException(source, lineNumber, "unknown kind '" + text + "', expected HOLIDAY or WORKING_DAY");
    }
  }

  private static boolean confirmed(String source, int lineNumber, String text) {
    String status = text.toLowerCase(Locale.ROOT);
    if (status.isEmpty() || status.equals(CONFIRMED)) {
      return true;
    }
    if (status.equals(UNCONFIRMED) || status.equals("?")) {
      return false;
    }
    throw new HolidayFileException(source, lineNumber, "unknown status '" + text + "', expected confirmed or unconfirmed");
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
