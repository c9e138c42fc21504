package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.support.ElementTemplateFile;

/** The Modeler element template of the notification step binds what {@link SendNotificationDelegate} reads. */
class SendNotificationElementTemplateTest {

  static ElementTemplateFile template;

  @BeforeAll
  static void read() throws Exception {
    // checks the schema, service task, id and version
    template = ElementTemplateFile.read("send-notification.json");
  }

  @Test
  void isNamedForTheNotificationStep() {
    assertThat(template.template().get("id").asText()).isEqualTo("vn.danvan.notify.SendNotification");
    assertThat(template.template().get("name").asText()).isEqualTo("Gửi thông báo cho công dân");
  }

  @Test
  void callsTheSendNotificationDelegate() {
    JsonNode delegate = template.bindings().get("camunda:delegateExpression");
    assertThat(delegate.get("value").asText()).isEqualTo("${sendNotificationDelegate}");
    assertThat(delegate.get("binding").get("type").asText()).isEqualTo("property");
  }

  @Test
  void setsTheDelegatesInputParametersAndNothingElse() {
    assertThat(template.bindings().keySet()).containsExactlyInAnyOrder("camunda:delegateExpression",
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
    return template.input(name);
  }
}
