package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FeelConditions#holdAll}: the same answers as one evaluation per condition, whatever the conditions. */
class FeelConditionsTest {

  private static final List<String> CONDITIONS = List.of(
      "=channel = \"ONLINE\"",
      "=channel != \"ONLINE\"",
      "=amount > 5",
      "=amount > 5 and channel = \"COUNTER\"",
      "=missing = null",
      "=missing > 3",                 // null: compares nothing, does not hold
      "=channel > 3",                 // a string compared with a number
      "=not(flag)",
      "=flag",
      "=count(items) > 1",
      "=noSuchFunction(channel)",     // fails to evaluate
      "=amount >",                    // does not parse
      "=\"text\"",                    // not a boolean
      "true",
      "false",
      "");

  @Test
  void allTogetherAnswerAsOneByOne() {
    for (Map<String, Object> variables : List.of(
        Map.<String, Object>of("channel", "ONLINE", "amount", 7, "flag", true, "items", List.of(1, 2)),
        Map.<String, Object>of("channel", "COUNTER", "amount", 2, "flag", false, "items", List.of()),
        Map.<String, Object>of())) {
      Map<String, Boolean> together = FeelConditions.holdAll(CONDITIONS, variables);
      Map<String, Boolean> oneByOne = new HashMap<>();
      CONDITIONS.forEach(c -> oneByOne.put(c, FeelConditions.holds(c, variables)));
      assertThat(together).as("on %s", variables).isEqualTo(oneByOne);
    }
  }

  @Test
  void theAnswersAreThoseOfFeel() {
    Map<String, Boolean> answers = FeelConditions.holdAll(List.of("=channel = \"ONLINE\"", "=amount > 5",
        "=not(flag)", "true"), Map.of("channel", "ONLINE", "amount", 2, "flag", false));
    assertThat(answers).containsEntry("=channel = \"ONLINE\"", true).containsEntry("=amount > 5", false)
        .containsEntry("=not(flag)", true).containsEntry("true", true);
  }

  @Test
  void aFormsConditionsTakeOneEvaluation() {
    long before = FeelConditions.EVALUATIONS.sum();
    FeelConditions.holdAll(List.of("=a = 1", "=b = 2", "=a + b > 2", "true"), Map.of("a", 1, "b", 2));
    assertThat(FeelConditions.EVALUATIONS.sum() - before).isEqualTo(1);
  }

  @Test
  void withoutAFailingConditionTheOthersStillCount() {
    Map<String, Boolean> answers = FeelConditions.holdAll(List.of("=noSuchFunction(x)", "=x = 1"), Map.of("x", 1));
    assertThat(answers).containsEntry("=noSuchFunction(x)", false).containsEntry("=x = 1", true);
  }
}
