package vn.danvan.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The loaded holiday files, by year: which days are off or swapped, and which years are covered. */
public final class HolidayTable {

  private final Map<Integer, HolidayYear> years;

  HolidayTable(Map<Integer, HolidayYear> years) {
    this.years = Map.copyOf(years);
  }

  /** The listed entry of a date, empty if the date is an ordinary day (or its year is not loaded). */
  public Optional<CalendarEntry> entry(LocalDate date) {
    HolidayYear year = years.get(date.getYear());
    return year == null ? Optional.empty() : Optional.ofNullable(year.entries().get(date));
  }

  public boolean covers(int year) {
    return years.containsKey(year);
  }

  public Set<Integer> years() {
    return new TreeSet<>(years.keySet());
  }

  /** Where each year was loaded from (classpath or operator file), for logs and diagnostics. */
  public Map<Integer, String> sources() {
    Map<Integer, String> sources = new TreeMap<>();
    years.forEach((year, data) -> sources.put(year, data.source()));
    return sources;
  }
}
