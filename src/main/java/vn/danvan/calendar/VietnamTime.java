package vn.danvan.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * The one time zone every deadline is computed in, whatever the machine's default is, and the
 * conversions every part of the application shares: moments from what process variables and
 * forms hold, and the ISO form with the Vietnamese offset that our API answers with.
 */
public final class VietnamTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private VietnamTime() {}

  /** ISO date-time with the Vietnamese offset, e.g. {@code 2026-11-25T17:00:00+07:00}; null for null. */
  public static String iso(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * The moment as people read it, in Vietnamese local time: {@code 17 giờ 00, ngày 2/12/2026}; null
   * for null. For texts shown to officials and citizens, never ISO or UTC.
   */
  public static String text(Instant instant) {
    if (instant == null) {
      return null;
    }
    ZonedDateTime at = instant.atZone(ZONE);
    return String.format("%d giờ %02d, ngày %d/%d/%d", at.getHour(), at.getMinute(), at.getDayOfMonth(),
        at.getMonthValue(), at.getYear());
  }

  /**
   * Accepts {@link Date} (also {@code java.sql} subclasses), {@link Instant}, {@link OffsetDateTime},
   * {@link ZonedDateTime}, and ISO strings: with an offset, or without one (Vietnam local time), or
   * a bare date (start of that day in Vietnam). A {@link LocalDateTime} or {@link LocalDate} is
   * taken as Vietnam time.
   */
  public static Instant instant(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("A date is required, got null");
    }
    if (value instanceof Date date) {
      // getTime(), not toInstant(): java.sql.Date.toInstant() throws.
      return Instant.ofEpochMilli(date.getTime());
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(VietnamTime.ZONE).toInstant();
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(VietnamTime.ZONE).toInstant();
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString().strip());
    }
    throw new IllegalArgumentException("Cannot use a " + value.getClass().getName() + " as a date: " + value);
  }

  private static Instant parse(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(VietnamTime.ZONE).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).atZone(VietnamTime.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not an ISO date or date-time: '" + text + "'", e);
    }
  }
}
