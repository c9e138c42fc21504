package vn.danvan.calendar;

import java.nio.file.Path;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the work calendar ({@code danvan.calendar.*}). Every value has a default, so the
 * calendar works with no configuration and tests can use {@link #defaults()}.
 *
 * @param holidaysDir operator folder with {@code <year>.csv} files that replace or add years
 *     (default {@code ./config/holidays}; it may not exist). A string, not a {@code Path}, because
 *     Spring's path conversion tries the classpath first for relative paths.
 * @param officeHours the agency's office hours
 * @param sameDayCutoff dossiers of same-day procedures received after this time are due the next
 *     working day (Decree 23/2015 Art. 7; default 15:00)
 */
@ConfigurationProperties("danvan.calendar")
public record CalendarProperties(String holidaysDir, OfficeHours officeHours, LocalTime sameDayCutoff) {

  public CalendarProperties {
    holidaysDir = holidaysDir == null || holidaysDir.isBlank() ? "./config/holidays" : holidaysDir;
    officeHours = officeHours == null ? OfficeHours.defaults() : officeHours;
    sameDayCutoff = sameDayCutoff == null ? LocalTime.of(15, 0) : sameDayCutoff;
    if (sameDayCutoff.isBefore(officeHours.morningStart()) || sameDayCutoff.isAfter(officeHours.afternoonEnd())) {
      throw new IllegalArgumentException("danvan.calendar.same-day-cutoff " + sameDayCutoff + " must lie within office hours");
    }
  }

  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null);
  }

  public Path holidaysPath() {
    return Path.of(holidaysDir);
  }

  /**
   * Office hours of a working day: a morning and an afternoon session (default 07:30–11:30 and
   * 13:00–17:00). {@link #afternoonEnd()} is the end of the working day, the time every deadline
   * falls due.
   */
  public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd) {

    public OfficeHours {
      morningStart = morningStart == null ? LocalTime.of(7, 30) : morningStart;
      morningEnd = morningEnd == null ? LocalTime.of(11, 30) : morningEnd;
      afternoonStart = afternoonStart == null ? LocalTime.of(13, 0) : afternoonStart;
      afternoonEnd = afternoonEnd == null ? LocalTime.of(17, 0) : afternoonEnd;
      if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart) && afternoonStart.isBefore(afternoonEnd))) {
        throw new IllegalArgumentException("danvan.calendar.office-hours must be ordered morning-start < morning-end"
            + " <= afternoon-start < afternoon-end, got " + morningStart + "-" + morningEnd + ", " + afternoonStart + "-" + afternoonEnd);
      }
    }

    public static OfficeHours defaults() {
      return new OfficeHours(null, null, null, null);
    }

    public boolean contains(LocalTime time) {
      return !time.isBefore(morningStart) && time.isBefore(morningEnd)
          || !time.isBefore(afternoonStart) && time.isBefore(afternoonEnd);
    }
  }
}
