package vn.danvan.calendar;

import java.time.LocalDate;

/**
 * One line of a holiday file: a weekday off for civil servants, or a weekend day worked in exchange
 * for one. {@code confirmed} is false for days the Prime Minister had not announced yet when the
 * file was written (the rulebook's "?"), so that operators know what to check.
 */
public record CalendarEntry(LocalDate date, Kind kind, String name, boolean confirmed) {

  /** What the listed date is. */
  public enum Kind {
    /** A day off (public holiday, Tết, compensation or swapped day off). */
    HOLIDAY,
    /** A Saturday or Sunday worked in exchange for a weekday off. */
    WORKING_DAY
  }
}
