package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentTemplates;
import vn.danvan.support.ElementTemplateFile;

/** The Modeler element template of the signing step binds what the delegate's contract expects. */
class SignDocumentElementTemplateTest {

  static ElementTemplateFile template;

  @BeforeAll
  static void read() throws Exception {
    // checks the schema, service task, id and version
    template = ElementTemplateFile.read("sign-document.json");
  }

  @Test
  void callsTheSignDocumentDelegateAsynchronously() {
    assertThat(template.bindings().get("camunda:delegateExpression").get("value").asText()).isEqualTo("${signDocumentDelegate}");
    assertThat(template.bindings().get("camunda:asyncBefore").get("value").asBoolean()).isTrue();
    assertThat(template.bindings().get("camunda:delegateExpression").get("binding").get("type").asText()).isEqualTo("property");
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
    // the shipped kinds (a template under src/test/resources is a test's own)
    java.util.List<String> offered = new java.util.ArrayList<>(new DocumentTemplates().kinds().stream()
        .filter(k -> java.nio.file.Files.exists(java.nio.file.Path.of("src/main/resources", k.templateResource())))
        .map(DocumentKind::name).toList());
    assertThat(kind.get("choices").findValuesAsText("value")).containsExactlyInAnyOrderElementsOf(offered);
    assertThat(kind.get("value").asText()).isEqualTo(DocumentKind.RESULT.name());
  }

  private static JsonNode input(String name) {
    return template.input(name);
  }
}
