package vn.danvan.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Deadline descriptions as the receipt slip prints them, and amounts that make no sense. */
class DeadlineTest {

  @Test
  void describesEachTypeInVietnamese() {
    LocalTime cutoff = LocalTime.of(15, 0);
    assertThat(new Deadline(DeadlineType.SAME_DAY, 0).describe(cutoff)).isEqualTo("Trong ngày (sau 15 giờ: ngày làm việc tiếp theo)");
    assertThat(new Deadline(DeadlineType.WORKING_DAYS, 8).describe(cutoff)).isEqualTo("8 ngày làm việc");
    assertThat(new Deadline(DeadlineType.HALF_DAY, 1).describe(cutoff)).isEqualTo("1/2 ngày làm việc");
  }

  @Test
  void sameDayDescriptionFollowsTheConfiguredCutoff() {
    assertThat(new Deadline(DeadlineType.SAME_DAY, 0).describe(LocalTime.of(15, 30)))
        .isEqualTo("Trong ngày (sau 15 giờ 30: ngày làm việc tiếp theo)");
  }

  @Test
  void capacityInWorkingHours() {
    assertThat(new Deadline(DeadlineType.SAME_DAY, 0).workingHours(8)).isEqualTo(8);
    assertThat(new Deadline(DeadlineType.HALF_DAY, 1).workingHours(8)).isEqualTo(4);
    assertThat(new Deadline(DeadlineType.WORKING_DAYS, 20).workingHours(8)).isEqualTo(160);
  }

  @Test
  void refusesAmountsThatDoNotFitTheType() {
    assertThatThrownBy(() -> new Deadline(DeadlineType.SAME_DAY, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Deadline(DeadlineType.WORKING_DAYS, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Deadline(DeadlineType.HALF_DAY, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
