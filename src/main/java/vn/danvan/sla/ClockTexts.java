package vn.danvan.sla;

/** The clock's terms and remaining times in Vietnamese, for the case trail. */
final class ClockTexts {

  private ClockTexts() {}

  /** "3 ngày làm việc", "1/2 ngày làm việc", "trong ngày", "4 giờ làm việc", "30 ngày". */
  static String term(Term term) {
    int n = term.amount();
    return switch (term.unit()) {
      case SAME_DAY -> "trong ngày";
      case HALF_DAYS -> n == 1 ? "1/2 ngày làm việc" : n + " buổi làm việc";
      case WORKING_HOURS -> n + " giờ làm việc";
      case WORKING_DAYS -> n + " ngày làm việc";
      case CALENDAR_DAYS -> n + " ngày";
    };
  }

  /** "21 giờ 30 phút làm việc" (office time) or "12 ngày" (calendar days). */
  static String remaining(TermUnit unit, Long remaining) {
    long value = remaining == null ? 0 : remaining;
    if (!unit.countsOfficeTime()) {
      return value + " ngày";
    }
    long hours = value / 60;
    long minutes = value % 60;
    return (minutes == 0 ? hours + " giờ" : hours + " giờ " + minutes + " phút") + " làm việc";
  }
}
