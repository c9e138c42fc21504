package vn.danvan.sla;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.procedure.AppointmentCalculator;
import vn.danvan.procedure.Deadline;
import vn.danvan.procedure.DeadlineType;

/**
 * The pure arithmetic of a case clock: from a state and an operation to the next state, on the work
 * calendar and office hours. No storage, no trail, no "now": {@link CaseClock} supplies them. Every
 * operation refuses what the rule does not allow before computing anything.
 */
@Component
class ClockArithmetic {

  private final WorkCalendar calendar;
  private final StepClock office;
  private final AppointmentCalculator appointments;

  ClockArithmetic(WorkCalendar calendar, StepClock office, AppointmentCalculator appointments) {
    this.calendar = calendar;
    this.office = office;
    this.appointments = appointments;
  }

  /**
   * When {@code term} counted from {@code from} runs out. Same-day, half-day and working-day terms
   * are the receipt slip's ({@link AppointmentCalculator#due}); working hours are office time;
   * calendar days end at the close of office on the last day, rolled over to the next working day.
   */
  Instant deadline(Term term, Instant from) {
    return switch (term.unit()) {
      case SAME_DAY -> appointments.due(new Deadline(DeadlineType.SAME_DAY, 0), from);
      case HALF_DAYS -> appointments.due(new Deadline(DeadlineType.HALF_DAY, term.amount()), from);
      case WORKING_DAYS -> appointments.due(new Deadline(DeadlineType.WORKING_DAYS, term.amount()), from);
      case WORKING_HOURS -> office.plusWorkingHours(from, term.amount());
      case CALENDAR_DAYS -> calendar.plusCalendarDays(from, term.amount());
    };
  }

  CaseClockState start(CaseRef ref, ClockRule rule, Instant countFrom) {
    return new CaseClockState(ref, rule, ClockState.RUNNING, countFrom, deadline(rule.term(), countFrom), null, null, 0,
        0);
  }

  /**
   * Pauses a running clock at {@code at}. Under {@link ResumeMode#CONTINUE} the time left to the
   * deadline is kept: working minutes of office time, or whole calendar days for a calendar-day rule
   * (from the day of the pause to the day of the deadline).
   */
  CaseClockState pause(CaseClockState clock, Instant at) {
    require(clock, ClockState.RUNNING, "pause");
    Long remaining = null;
    if (clock.rule().resumeMode() == ResumeMode.CONTINUE) {
      remaining = clock.rule().term().unit().countsOfficeTime()
          ? office.workingMinutesBetween(at, clock.deadlineAt())
          : Math.max(0, ChronoUnit.DAYS.between(WorkCalendar.dateOf(at), WorkCalendar.dateOf(clock.deadlineAt())));
    }
    return new CaseClockState(clock.ref(), clock.rule(), ClockState.PAUSED, clock.startedAt(), clock.deadlineAt(), at,
        remaining, clock.extensionsUsed(), clock.version());
  }

  /**
   * Resumes a paused clock counting from {@code countFrom}: {@link ResumeMode#RESTART} gives the
   * whole term again; {@link ResumeMode#CONTINUE} adds the time that was left when it paused.
   */
  CaseClockState resume(CaseClockState clock, Instant countFrom) {
    require(clock, ClockState.PAUSED, "resume");
    Instant deadline;
    Instant started = clock.startedAt();
    if (clock.rule().resumeMode() == ResumeMode.RESTART) {
      deadline = deadline(clock.rule().term(), countFrom);
      started = countFrom;
    } else if (clock.rule().term().unit().countsOfficeTime()) {
      deadline = office.plusWorkingMinutes(countFrom, clock.remaining());
    } else {
      deadline = calendar.plusCalendarDays(countFrom, Math.toIntExact(clock.remaining()));
    }
    return new CaseClockState(clock.ref(), clock.rule(), ClockState.RUNNING, started, deadline, null, null,
        clock.extensionsUsed(), clock.version());
  }

  /**
   * Extends a running clock's deadline to the new deadline or by the term (counted from the deadline
   * in force).
   *
   * @throws ExtensionRefusedException when the rule's extensions are used up (checked first)
   * @throws InvalidExtensionException when the new deadline is not after the one in force
   */
  CaseClockState extend(CaseClockState clock, Extension extension) {
    require(clock, ClockState.RUNNING, "extend");
    if (clock.extensionsUsed() >= clock.rule().maxExtensions()) {
      throw new ExtensionRefusedException(clock.ref().caseKey(), clock.rule().maxExtensions());
    }
    Instant deadline = extension.newDeadline() != null ? extension.newDeadline()
        : deadline(extension.by(), clock.deadlineAt());
    if (!deadline.isAfter(clock.deadlineAt())) {
      throw new InvalidExtensionException(clock.ref().caseKey(), clock.deadlineAt());
    }
    return new CaseClockState(clock.ref(), clock.rule(), ClockState.RUNNING, clock.startedAt(), deadline, null, null,
        clock.extensionsUsed() + 1, clock.version());
  }

  CaseClockState stop(CaseClockState clock) {
    if (clock.state() == ClockState.STOPPED) {
      throw new IllegalStateException("The clock of case " + clock.ref().caseKey() + " is stopped already");
    }
    return new CaseClockState(clock.ref(), clock.rule(), ClockState.STOPPED, clock.startedAt(), clock.deadlineAt(),
        clock.pausedAt(), clock.remaining(), clock.extensionsUsed(), clock.version());
  }

  private static void require(CaseClockState clock, ClockState expected, String operation) {
    if (clock.state() != expected) {
      throw new IllegalStateException("Cannot " + operation + " the clock of case " + clock.ref().caseKey() + ": it is "
          + clock.state());
    }
  }
}
