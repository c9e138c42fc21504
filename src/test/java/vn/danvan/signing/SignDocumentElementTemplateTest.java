package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentTemplates;

/** The Modeler element template of the signing step binds what the delegate's contract expects. */
class SignDocumentElementTemplateTest {

  static JsonNode template;
  static Map<String, JsonNode> bindings = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    JsonNode root = new ObjectMapper().readTree(Path.of(".camunda/element-templates/sign-document.json").toFile());
    assertThat(root.isArray()).isTrue();
    template = root.get(0);
    template.get("properties").forEach(p -> bindings.put(p.get("binding").get("name").asText(), p));
  }

  @Test
  void isACamunda7TemplateForServiceTasks() {
    assertThat(template.get("$schema").asText()).isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
    assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(template.get("id").asText()).isNotBlank();
    assertThat(template.get("version").asInt()).isPositive();
  }

  @Test
  void callsTheSignDocumentDelegateAsynchronously() {
    assertThat(bindings.get("camunda:delegateExpression").get("value").asText()).isEqualTo("${signDocumentDelegate}");
    assertThat(bindings.get("camunda:asyncBefore").get("value").asBoolean()).isTrue();
    assertThat(bindings.get("camunda:delegateExpression").get("binding").get("type").asText()).isEqualTo("property");
  }

  @Test
  void setsTheInputParametersWithTheirDefaults() {
    assertThat(input("documentVariable").get("value").asText()).isEqualTo("resultDocumentId");
    assertThat(input("signerUserVariable").get("value").asText()).isEqualTo("approvedBy");
    assertThat(input("reason").get("value").asText()).isEqualTo("Phê duyệt kết quả giải quyết thủ tục hành chính");
    JsonNode role = input("signerRole");
    assertThat(role.get("type").asText()).isEqualTo("Dropdown");
    assertThat(role.get("choices").findValuesAsText("value")).containsExactly("LEADER_AND_UNIT", "UNIT");
    assertThat(role.get("choices").findValuesAsText("name"))
        .containsExactly("Lãnh đạo ký và đóng dấu đơn vị", "Chỉ đóng dấu đơn vị");
  }

  @Test
  void offersEveryDocumentKindAndNothingElse() {
    JsonNode kind = input("documentKind");
    assertThat(kind.get("choices").findValuesAsText("value"))
        .containsExactlyInAnyOrderElementsOf(new DocumentTemplates().kinds().stream().map(DocumentKind::name).toList());
    assertThat(kind.get("value").asText()).isEqualTo(DocumentKind.RESULT.name());
  }

  private static JsonNode input(String name) {
    JsonNode property = bindings.get(name);
    assertThat(property).as("input parameter %s", name).isNotNull();
    assertThat(property.get("binding").get("type").asText()).isEqualTo("camunda:inputParameter");
    return property;
  }
}
