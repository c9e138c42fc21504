package vn.danvan.notify;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import vn.danvan.calendar.VietnamTime;

/**
 * How values stand in a message to a citizen: a moment as "17:00 ngày 23/02/2026" in Vietnam time
 * (never ISO or UTC), a text stripped of a final full stop because the templates put values inside
 * their own sentences ("Lý do: {reason}.").
 */
public final class MessageValues {

  private MessageValues() {}

  /** "17:00 ngày 23/02/2026", as the message templates expect. */
  public static String date(Instant instant) {
    ZonedDateTime at = instant.atZone(VietnamTime.ZONE);
    return String.format("%02d:%02d ngày %02d/%02d/%d", at.getHour(), at.getMinute(), at.getDayOfMonth(),
        at.getMonthValue(), at.getYear());
  }

  /** The text without surrounding blanks and without a final full stop. */
  public static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  /** Any value a step passes: a date or instant as {@link #date}, anything else as {@link #sentence}; null stays null. */
  public static String of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date(date.toInstant());
    }
    if (value instanceof Instant instant) {
      return date(instant);
    }
    return sentence(value.toString());
  }
}
