package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Notification kinds are their template files, checked when loaded; a kind without the public
 * status link never renders it, whatever a caller passes.
 */
class NotificationKindsTest {

  @Test
  void theKindsAreTheTemplateFilesAndTheDossierKindsKeepTheirLink() {
    NotificationTemplates templates = new NotificationTemplates();

    assertThat(templates.kinds()).extracting(NotificationKind::name).containsExactly("APOLOGY", "CLOSED_NO_SUPPLEMENT",
        "RECEIPT", "REFUSAL", "RESULT_READY", "SUPPLEMENT_REQUEST", "WITHDRAWN");
    assertThat(templates.kinds()).allMatch(kind -> templates.forKind(kind).publicStatusLink());
  }

  @Test
  void aNewTemplateFileIsANewKindWithoutAJavaChange() {
    NotificationTemplates templates = new NotificationTemplates("classpath*:notify-kinds/unlinked/*.yaml");

    assertThat(templates.kinds()).containsExactly(NotificationKind.of("DENUNCIATION_RECEIVED"));
    assertThatThrownBy(() -> templates.forKind(NotificationKind.RECEIPT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notify/templates/receipt.yaml");
  }

  @Test
  void aKindWithoutThePublicLinkRendersNoLinkEvenIfTheCallerPassesOne() {
    NotificationTemplate template = new NotificationTemplates("classpath*:notify-kinds/unlinked/*.yaml")
        .forKind(NotificationKind.of("DENUNCIATION_RECEIVED"));
    Map<String, String> values = NotificationTemplatesTest.allValues();
    assertThat(values).containsKeys("statusUrl", "publicUrl");

    assertThat(template.publicStatusLink()).isFalse();
    for (Channel channel : Channel.values()) {
      Message message = template.render(channel, values);
      String all = message.subject() + " " + message.body();
      assertThat(SmsText.unaccented(all)).contains("Ong/Ba");
      assertThat(all).doesNotContain(NotificationTemplatesTest.STATUS_URL, NotificationTemplatesTest.PUBLIC_URL, "http", "{", "}");
    }
  }

  @Test
  void aKindWithTheLinkStillRendersIt() {
    Message email = new NotificationTemplates().forKind(NotificationKind.RECEIPT)
        .render(Channel.EMAIL, NotificationTemplatesTest.allValues());

    assertThat(email.body()).contains(NotificationTemplatesTest.STATUS_URL);
  }

  @Test
  void aTemplateWithoutTheLinkThatUsesItStopsStartupNamingTheFileAndField() {
    assertThatThrownBy(() -> new NotificationTemplates("classpath*:notify-kinds/link-used/*.yaml"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("notify/templates/denunciation-received.yaml")
        .hasMessageContaining("'body' uses {statusUrl}")
        .hasMessageContaining("'publicStatusLink' is false");
  }

  @Test
  void aTemplateThatDoesNotSayWhetherItCarriesTheLinkStopsStartup() {
    assertThatThrownBy(() -> new NotificationTemplates("classpath*:notify-kinds/no-flag/*.yaml"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("notify/templates/petition-received.yaml")
        .hasMessageContaining("'publicStatusLink' must be true or false");
  }

  @Test
  void kindNamesAreUpperSnakeCaseAndFileNamesLowerKebabCase() {
    assertThat(NotificationKind.ofFileName("result-ready.yaml")).isEqualTo(NotificationKind.RESULT_READY);
    assertThat(NotificationKind.RESULT_READY.templateResource()).isEqualTo("notify/templates/result-ready.yaml");
    assertThatThrownBy(() -> NotificationKind.ofFileName("Result_Ready.yaml")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NotificationKind.of("../receipt")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NotificationKind.of(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
