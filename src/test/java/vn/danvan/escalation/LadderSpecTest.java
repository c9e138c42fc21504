package vn.danvan.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.procedure.WorkingTime;

class LadderSpecTest {

  @Test
  void readsRungsAndWaitsInWorkingTime() {
    LadderSpec spec = LadderSpec.parse(" OFFICER 4h, VICE_CHAIRMAN 1d,CHAIRMAN 1 d, province 2d ");
    assertThat(spec.rungs()).containsExactly(
        new LadderSpec.Step(Rung.OFFICER, new WorkingTime(4, WorkingTime.Unit.WORKING_HOURS)),
        new LadderSpec.Step(Rung.VICE_CHAIRMAN, new WorkingTime(1, WorkingTime.Unit.WORKING_DAYS)),
        new LadderSpec.Step(Rung.CHAIRMAN, new WorkingTime(1, WorkingTime.Unit.WORKING_DAYS)),
        new LadderSpec.Step(Rung.PROVINCE, new WorkingTime(2, WorkingTime.Unit.WORKING_DAYS)));
  }

  @Test
  void aLadderMayStartHigherAndSkipRungs() {
    assertThat(LadderSpec.parse("CHAIRMAN 2h").rungs()).extracting(LadderSpec.Step::rung).containsExactly(Rung.CHAIRMAN);
    assertThat(LadderSpec.parse("OFFICER 1h, PROVINCE 1d").rungs()).extracting(LadderSpec.Step::rung)
        .containsExactly(Rung.OFFICER, Rung.PROVINCE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|the ladder is empty",
      "OFFICER|rung 1 'OFFICER': expected a rung and its wait",
      "OFFICER 4h, VICE_CHAIR 1d|rung 2 'VICE_CHAIR 1d': unknown rung 'VICE_CHAIR'",
      "CHAIRMAN 1d, VICE_CHAIRMAN 1d|rung 2 'VICE_CHAIRMAN 1d': rungs go upwards, each once",
      "CHAIRMAN 1d, CHAIRMAN 1d|rung 2 'CHAIRMAN 1d': rungs go upwards",
      "OFFICER 0h|rung 1 'OFFICER 0h': the wait must be longer than zero",
      "OFFICER PT4H|rung 1 'OFFICER PT4H': expected a rung and its wait",
      "OFFICER 4h,|rung 2 '': expected a rung and its wait",
      "OFFICER 4w|rung 1 'OFFICER 4w': expected a rung and its wait"})
  void refusesWithThePositionAndTheProblem(String text, String message) {
    assertThatThrownBy(() -> LadderSpec.parse(text)).isInstanceOf(LadderSpec.InvalidLadderException.class)
        .hasMessageStartingWith("Escalation ladder: ").hasMessageContaining(message);
  }

  @Test
  void refusesNothing() {
    assertThatThrownBy(() -> LadderSpec.parse(null)).hasMessageContaining("the ladder is empty");
  }
}
