package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * The start form's list of procedures ({@code forms/receive-dossier.form}) is written by hand next to
 * the catalogue ({@code bpmn/procedureCatalogue.dmn}): this test fails as soon as they differ — a
 * code in one and not the other, or a label that is not the catalogue's Vietnamese name.
 */
class ReceiveDossierFormTest {

  @Test
  void procedureOptionsAreTheCataloguesCodesWithItsNames() throws Exception {
    assertThat(formOptions()).isEqualTo(catalogueNames());
  }

  @Test
  void valuesTheDelegatesNeedAreRequiredWhereTheFormShowsThem() throws Exception {
    for (String[] formAndField : new String[][] {{"receive-dossier", "missingItems"}, {"receive-dossier", "refusalReasons"},
        {"appraise-dossier", "missingItems"}, {"approve-result", "refusalReasons"}, {"receive-supplement", "refusalReasons"}}) {
      JsonNode field = field(read("/forms/" + formAndField[0] + ".form"), formAndField[1]);
      assertThat(field.path("validate").path("required").asBoolean()).as(String.join(".", formAndField)).isTrue();
      assertThat(field.path("conditional").path("hide").asText()).as(String.join(".", formAndField)).isNotBlank();
    }
  }

  private static Map<String, String> formOptions() throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode value : field(read("/forms/receive-dossier.form"), "procedureCode").path("values")) {
      options.put(value.path("value").asText(), value.path("label").asText());
    }
    return options;
  }

  /** Code → name over every row of the table (several dated or verification rows share a code and name). */
  private static Map<String, String> catalogueNames() throws Exception {
    DmnModelInstance model;
    try (InputStream in = ReceiveDossierFormTest.class.getResourceAsStream("/bpmn/procedureCatalogue.dmn")) {
      model = Dmn.readModelFromStream(in);
    }
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    var outputs = table.getOutputs().stream().map(Output::getName).toList();
    int code = outputs.indexOf("code");
    int name = outputs.indexOf("name");
    Map<String, String> names = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      var entries = rule.getOutputEntries().stream().map(e -> unquote(e.getTextContent())).toList();
      String previous = names.putIfAbsent(entries.get(code), entries.get(name));
      assertThat(previous == null || previous.equals(entries.get(name))).as("one name per code: " + entries.get(code)).isTrue();
    }
    return names;
  }

  private static String unquote(String feel) {
    String text = feel.trim();
    return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }

  private static JsonNode read(String resource) throws Exception {
    try (InputStream in = ReceiveDossierFormTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static JsonNode field(JsonNode components, String key) {
    for (JsonNode component : components.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
      JsonNode inner = field(component, key);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }
}
