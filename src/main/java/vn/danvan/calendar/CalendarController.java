package vn.danvan.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.config.BadRequestException;
import vn.danvan.config.RequestParameters;

/**
 * {@code GET /api/calendar/due}: the due date of a period counted from a given moment in working
 * days or calendar days, for forms and other systems that show appointment dates.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  /** Ten years: longer periods are a typo, and the loop over days must stay short. */
  static final int MAX_DAYS = 3650;

  private final WorkCalendar calendar;

  CalendarController(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/due")
  DueDate due(@RequestParam String from, @RequestParam(required = false) Integer workingDays,
      @RequestParam(required = false) Integer calendarDays) {
    Instant start = parseFrom(from);
    if ((workingDays == null) == (calendarDays == null)) {
      throw new BadRequestException("workingDays", "Give exactly one of workingDays and calendarDays");
    }
    if (workingDays != null) {
      checkRange("workingDays", workingDays);
      return new DueDate(VietnamTime.iso(start), workingDays, null, VietnamTime.iso(calendar.plusWorkingDays(start, workingDays)));
    }
    checkRange("calendarDays", calendarDays);
    return new DueDate(VietnamTime.iso(start), null, calendarDays, VietnamTime.iso(calendar.plusCalendarDays(start, calendarDays)));
  }

  private static Instant parseFrom(String from) {
    if (from.isBlank()) {
      throw new BadRequestException("from", "Missing required parameter 'from'");
    }
    return RequestParameters.offsetDateTime("from", from, "2026-02-13T10:00:00+07:00");
  }

  private static void checkRange(String field, int days) {
    if (days < 0 || days > MAX_DAYS) {
      throw new BadRequestException(field, field + " must be between 0 and " + MAX_DAYS + ", got " + days);
    }
  }

  /** The answer: the start and due moments as ISO date-times in Vietnam time (+07:00). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DueDate(String from, Integer workingDays, Integer calendarDays, String due) {}
}
