package vn.danvan.calendar;

/** For tests of other packages: the work calendar with the bundled holiday files and default settings. */
public final class BundledCalendar {

  private static final WorkCalendar CALENDAR = new WorkCalendar(new HolidayLoader().load(null), CalendarProperties.defaults());

  private BundledCalendar() {}

  public static WorkCalendar workCalendar() {
    return CALENDAR;
  }
}
