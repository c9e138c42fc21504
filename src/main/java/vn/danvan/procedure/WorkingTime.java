package vn.danvan.procedure;

/**
 * A span of working time, e.g. the budget of one step: {@code amount} working hours or working
 * days. Counted with the work calendar, so nights, weekends and holidays do not use it up.
 */
public record WorkingTime(int amount, Unit unit) {

  /** The unit of a {@link WorkingTime}. */
  public enum Unit {
    WORKING_HOURS,
    WORKING_DAYS
  }

  public WorkingTime {
    if (unit == null || amount < 0) {
      throw new IllegalArgumentException("Invalid working time " + amount + " " + unit);
    }
  }

  public int inWorkingHours(int hoursPerWorkingDay) {
    return unit == Unit.WORKING_DAYS ? amount * hoursPerWorkingDay : amount;
  }
}
