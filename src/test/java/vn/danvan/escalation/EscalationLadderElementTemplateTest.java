package vn.danvan.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Modeler element template of the escalation ladder binds what {@code escalationLadder} expects. */
class EscalationLadderElementTemplateTest {

  static JsonNode template;
  static Map<String, JsonNode> inputs = new HashMap<>();
  static Map<String, JsonNode> properties = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    JsonNode root = new ObjectMapper().readTree(Path.of(".camunda/element-templates/escalation-ladder.json").toFile());
    assertThat(root.isArray()).isTrue();
    template = root.get(0);
    template.get("properties").forEach(p -> {
      JsonNode binding = p.get("binding");
      switch (binding.get("type").asText()) {
        case "camunda:in" -> inputs.put(binding.get("target").asText(), p);
        case "property" -> properties.put(binding.get("name").asText(), p);
        default -> properties.put(binding.get("type").asText(), p);
      }
    });
  }

  @Test
  void isACamunda7TemplateForCallActivities() {
    assertThat(template.get("$schema").asText()).isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
    assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:CallActivity");
    assertThat(template.get("elementType").get("value").asText()).isEqualTo("bpmn:CallActivity");
    assertThat(template.get("id").asText()).isEqualTo("vn.danvan.escalation.EscalationLadder");
    assertThat(template.get("version").asInt()).isPositive();
  }

  @Test
  void callsTheLatestLadderWithTheCasesBusinessKey() {
    assertThat(properties.get("calledElement").get("value").asText()).isEqualTo(EscalationLadder.KEY);
    assertThat(properties.get("calledElement").get("type").asText()).isEqualTo("Hidden");
    assertThat(properties.get("camunda:calledElementBinding").get("value").asText()).isEqualTo("latest");
    assertThat(properties.get("camunda:in:businessKey").get("value").asText()).isEqualTo("#{execution.processBusinessKey}");
  }

  @Test
  void mapsExactlyTheFourInputsExplicitly() {
    assertThat(inputs).containsOnlyKeys(EscalationLadder.IN_CASE_KEY, EscalationLadder.IN_STEP_ID,
        EscalationLadder.IN_STEP_DUE_AT, EscalationLadder.IN_LADDER);
    // no "all variables" mapping: nothing of the applicant is copied into the ladder
    template.get("properties").forEach(p -> assertThat(p.get("binding").has("variables")).isFalse());
    assertThat(inputs.get(EscalationLadder.IN_CASE_KEY).get("binding").has("expression")).isFalse();
    assertThat(inputs.get(EscalationLadder.IN_CASE_KEY).get("value").asText()).isEqualTo("dossierCode");
    for (String expression : new String[] {EscalationLadder.IN_STEP_ID, EscalationLadder.IN_STEP_DUE_AT, EscalationLadder.IN_LADDER}) {
      assertThat(inputs.get(expression).get("binding").get("expression").asBoolean()).as(expression).isTrue();
      assertThat(inputs.get(expression).get("constraints").get("notEmpty").asBoolean()).as(expression).isTrue();
    }
    assertThat(inputs.get(EscalationLadder.IN_STEP_ID).has("value")).as("no default step: the owner names it").isFalse();
    assertThat(inputs.get(EscalationLadder.IN_STEP_DUE_AT).get("value").asText()).isEqualTo("${now()}");
  }

  @Test
  void theDefaultLadderParsesAndTheModelersPatternAgreesWithTheParser() {
    JsonNode ladder = inputs.get(EscalationLadder.IN_LADDER);
    String value = ladder.get("value").asText();
    assertThat(LadderSpec.parse(value).rungs()).hasSize(4);
    Pattern pattern = Pattern.compile(ladder.get("constraints").get("pattern").get("value").asText());
    assertThat(pattern.matcher(value).matches()).isTrue();
    for (String bad : new String[] {"OFFICER", "OFFICER PT4H", "BOSS 1d", "OFFICER 4h,"}) {
      assertThat(pattern.matcher(bad).matches()).as(bad).isFalse();
      assertThatThrownBy(() -> LadderSpec.parse(bad)).as(bad).isInstanceOf(LadderSpec.InvalidLadderException.class);
    }
  }

  @Test
  void textsForProcessOwnersAreVietnamese() {
    assertThat(template.get("name").asText()).isEqualTo("Đôn đốc bước quá hạn theo cấp");
    inputs.values().forEach(p -> assertThat(p.get("label").asText()).isNotBlank().doesNotContainPattern("^[A-Za-z ]+$"));
  }
}
