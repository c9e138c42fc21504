package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Modeler element template of the notification step binds what {@link SendNotificationDelegate} reads. */
class SendNotificationElementTemplateTest {

  static JsonNode template;
  static Map<String, JsonNode> bindings = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    JsonNode root = new ObjectMapper().readTree(Path.of(".camunda/element-templates/send-notification.json").toFile());
    assertThat(root.isArray()).isTrue();
    template = root.get(0);
    template.get("properties").forEach(p -> bindings.put(p.get("binding").get("name").asText(), p));
  }

  @Test
  void isACamunda7TemplateForServiceTasks() {
    assertThat(template.get("$schema").asText()).isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
    assertThat(template.get("appliesTo").get(0).asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(template.get("id").asText()).isEqualTo("vn.danvan.notify.SendNotification");
    assertThat(template.get("version").asInt()).isPositive();
  }

  @Test
  void callsTheSendNotificationDelegate() {
    JsonNode delegate = bindings.get("camunda:delegateExpression");
    assertThat(delegate.get("value").asText()).isEqualTo("${sendNotificationDelegate}");
    assertThat(delegate.get("binding").get("type").asText()).isEqualTo("property");
  }

  @Test
  void setsTheDelegatesInputParametersAndNothingElse() {
    assertThat(bindings.keySet()).containsExactlyInAnyOrder("camunda:delegateExpression",
        SendNotificationDelegate.IN_KIND, SendNotificationDelegate.IN_CASE_KEY_VARIABLE,
        SendNotificationDelegate.IN_PHONE_VARIABLE, SendNotificationDelegate.IN_EMAIL_VARIABLE,
        SendNotificationDelegate.IN_VALUE_VARIABLES);
    assertThat(input(SendNotificationDelegate.IN_CASE_KEY_VARIABLE).get("value").asText()).isEqualTo("dossierCode");
    assertThat(input(SendNotificationDelegate.IN_PHONE_VARIABLE).get("value").asText()).isEqualTo("phone");
    assertThat(input(SendNotificationDelegate.IN_EMAIL_VARIABLE).get("value").asText()).isEqualTo("email");
  }

  @Test
  void offersEveryNotificationKindAndNothingElse() {
    JsonNode kind = input(SendNotificationDelegate.IN_KIND);
    assertThat(kind.get("type").asText()).isEqualTo("Dropdown");
    assertThat(kind.get("choices").findValuesAsText("value"))
        .containsExactlyInAnyOrderElementsOf(new NotificationTemplates().kinds().stream().map(NotificationKind::name).toList());
  }

  @Test
  void theValuesPatternAcceptsWhatTheDelegateParsesAndRefusesTheRest() {
    Pattern pattern = Pattern.compile(input(SendNotificationDelegate.IN_VALUE_VARIABLES).get("constraints")
        .get("pattern").get("value").asText());
    assertThat(pattern.matcher("applicantName=applicantName, missingDocuments=missingItems").matches()).isTrue();
    assertThat(pattern.matcher("reason=${apologyReason}").matches()).isFalse();
    assertThat(pattern.matcher("reason").matches()).isFalse();
  }

  private static JsonNode input(String name) {
    JsonNode property = bindings.get(name);
    assertThat(property).as("input parameter %s", name).isNotNull();
    assertThat(property.get("binding").get("type").asText()).isEqualTo("camunda:inputParameter");
    return property;
  }
}
