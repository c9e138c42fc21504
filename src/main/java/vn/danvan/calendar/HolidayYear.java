package vn.danvan.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The parsed content of one holiday file: every listed day of one year, and where it came from. */
record HolidayYear(int year, String source, Map<LocalDate, CalendarEntry> entries) {

  HolidayYear {
    entries = Map.copyOf(entries);
  }

  long count(CalendarEntry.Kind kind) {
    return entries.values().stream().filter(e -> e.kind() == kind).count();
  }

  List<LocalDate> unconfirmedDates() {
    return entries.values().stream().filter(e -> !e.confirmed()).map(CalendarEntry::date).sorted().toList();
  }
}
