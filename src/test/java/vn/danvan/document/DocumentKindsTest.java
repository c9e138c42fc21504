package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Document kinds are their template files, checked when loaded, and keep their names in the API and database. */
class DocumentKindsTest {

  @Test
  void theKindsAreTheTemplateFiles() {
    // the procedures' results (named by the catalogue) and, from the test resources, the result of
    // the procedure ProcedureFromFilesProcessTest adds from files only
    assertThat(new DocumentTemplates().kinds()).extracting(DocumentKind::name).containsExactly("APOLOGY",
        "BIRTH_CERTIFICATE", "CERTIFIED_COPY", "CONDOLENCE", "CONGRATULATION", "DEATH_EXTRACT",
        "LAND_CHANGE_CONFIRMATION", "LAND_USE_CERTIFICATE", "MARITAL_STATUS_CONFIRMATION", "MARRIAGE_CERTIFICATE",
        "RECEIPT", "REFUSAL", "RESIDENCE_CONFIRMATION", "RESULT", "SITE_HANDOVER", "STOP_NOTICE", "SUPPLEMENT_REQUEST");
  }

  @Test
  void aNewTemplateFileIsANewKindThatComposes() {
    DocumentTemplates templates = new DocumentTemplates("classpath*:document-kinds/extra/*.yaml");
    DocumentKind kind = DocumentKind.of("PETITION_REPLY");

    assertThat(templates.kinds()).containsExactly(kind);
    assertThat(templates.exists(kind)).isTrue();
    assertThat(templates.exists(DocumentKind.RESULT)).isFalse();
    DocumentText text = DocumentComposer.compose(templates.forKind(kind), SampleDocuments.allFields(),
        SampleDocuments.DONGHA, SampleDocuments.ISSUED_ON);
    assertThat(text.title()).isEqualTo("PHIẾU TRẢ LỜI ĐƠN");
  }

  @Test
  void anIncompleteTemplateStopsStartupNamingTheFileAndTheField() {
    assertThatThrownBy(() -> new DocumentTemplates("classpath*:document-kinds/no-title/*.yaml"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("documents/templates/petition-reply.yaml")
        .hasMessageContaining("missing 'title'");
  }

  @Test
  void aMalformedTemplateStopsStartupNamingTheFileAndTheField() {
    assertThatThrownBy(() -> new DocumentTemplates("classpath*:document-kinds/bad-signer/*.yaml"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("documents/templates/petition-reply.yaml")
        .hasMessageContaining("'signer'");
  }

  @Test
  void anUnknownKindIsRefusedNamingTheMissingFile() {
    assertThatThrownBy(() -> new DocumentTemplates().forKind(DocumentKind.of("ADOPTION_CERTIFICATE")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("documents/templates/adoption-certificate.yaml");
  }

  @Test
  void theKindIsItsNameInJsonAsTheEnumWas() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(json.writeValueAsString(DocumentKind.SUPPLEMENT_REQUEST)).isEqualTo("\"SUPPLEMENT_REQUEST\"");
    assertThat(json.readValue("\"STOP_NOTICE\"", DocumentKind.class)).isEqualTo(DocumentKind.STOP_NOTICE);
    assertThat(DocumentKind.of("RESULT")).isEqualTo(DocumentKind.RESULT).hasSameHashCodeAs(DocumentKind.RESULT);
    assertThat(DocumentKind.ofFileName("site-handover.yaml").templateResource())
        .isEqualTo("documents/templates/site-handover.yaml");
  }

  @Test
  void theApologyLetterGivesTheNewAppointmentAndTheUnitsPhone() {
    DocumentText text = DocumentComposer.compose(new DocumentTemplates().forKind(DocumentKind.APOLOGY),
        SampleDocuments.allFields(), SampleDocuments.DONGHA, SampleDocuments.ISSUED_ON);
    StringBuilder all = new StringBuilder();
    text.body().forEach(p -> all.append(p.text()).append(' '));

    assertThat(all.toString()).contains("hẹn lại thời gian trả kết quả giải quyết hồ sơ vào 16 giờ 00 phút, ngày 02 tháng 12 năm 2026",
        "số điện thoại 0233 3852 123");
  }
}
