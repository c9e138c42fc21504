package vn.danvan.procedure;

import java.time.LocalTime;

/**
 * The statutory processing time of a procedure: a {@link DeadlineType} and its amount (0 for
 * same-day procedures, working days, or half days).
 */
public record Deadline(DeadlineType type, int amount) {

  public Deadline {
    if (type == null) {
      throw new IllegalArgumentException("A deadline needs a type");
    }
    if (type == DeadlineType.SAME_DAY ? amount != 0 : amount < 1) {
      throw new IllegalArgumentException("Deadline " + type + " cannot have the amount " + amount);
    }
  }

  /**
   * The capacity of the deadline in working hours, for checking step budgets against it: a same-day
   * procedure has at most one working day, a half day is half a working day.
   */
  public int workingHours(int hoursPerWorkingDay) {
    return switch (type) {
      case SAME_DAY -> hoursPerWorkingDay;
      case WORKING_DAYS -> amount * hoursPerWorkingDay;
      case HALF_DAY -> amount * hoursPerWorkingDay / 2;
    };
  }

  /**
   * The deadline as the receipt slip states it, in Vietnamese: "Trong ngày (sau 15 giờ: ngày làm
   * việc tiếp theo)", "8 ngày làm việc", "1/2 ngày làm việc".
   */
  public String describe(LocalTime sameDayCutoff) {
    return switch (type) {
      case SAME_DAY -> "Trong ngày (sau " + hour(sameDayCutoff) + ": ngày làm việc tiếp theo)";
      case WORKING_DAYS -> amount + " ngày làm việc";
      case HALF_DAY -> amount == 1 ? "1/2 ngày làm việc" : amount + " buổi làm việc";
    };
  }

  private static String hour(LocalTime time) {
    return time.getMinute() == 0 ? time.getHour() + " giờ" : time.getHour() + " giờ " + time.getMinute();
  }
}
