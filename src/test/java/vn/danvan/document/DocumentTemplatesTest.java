package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind has a template in data, and the composer fills it completely. */
class DocumentTemplatesTest {

  private final DocumentTemplates templates = new DocumentTemplates();

  static Stream<DocumentKind> kinds() {
    return new DocumentTemplates().kinds().stream();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyKindComposesWithTheSampleFieldsLeavingNoPlaceholder(DocumentKind kind) {
    DocumentTemplate template = templates.forKind(kind);
    assertThat(template.kind()).isEqualTo(kind);
    DocumentText text = DocumentComposer.compose(template, SampleDocuments.allFields(), SampleDocuments.DONGHA,
        SampleDocuments.ISSUED_ON);
    StringBuilder all = new StringBuilder(text.title()).append(text.subject());
    text.body().forEach(p -> all.append(p.text()));
    text.signer().lines().forEach(all::append);
    all.append(text.signer().name()).append(text.recipients());
    assertThat(all.toString()).doesNotContain("{").doesNotContain("}");
    assertThat(Normalizer.isNormalized(all, Normalizer.Form.NFC)).isTrue();
    assertThat(text.dateLine()).isEqualTo("Đông Hà, ngày 22 tháng 11 năm 2026");
  }

  @Test
  void registersAndSymbolsComeFromTheTemplates() {
    assertThat(templates.forKind(DocumentKind.RESULT)).extracting(DocumentTemplate::register, DocumentTemplate::symbol,
        DocumentTemplate::title).containsExactly("QĐ", "QĐ-UBND", "QUYẾT ĐỊNH");
    assertThat(templates.forKind(DocumentKind.RECEIPT).title()).isEqualTo("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    assertThat(templates.forKind(DocumentKind.APOLOGY).title()).isEqualTo("THƯ XIN LỖI");
    // Forms 02–05 share the notice register: one sequence of numbers for them all.
    assertThat(templates.forKind(DocumentKind.SUPPLEMENT_REQUEST).register()).isEqualTo("TB");
    assertThat(templates.forKind(DocumentKind.STOP_NOTICE).register()).isEqualTo("TB");
    assertThat(templates.forKind(DocumentKind.of("SITE_HANDOVER")).symbol()).isEqualTo("BB-UBND");
  }

  @Test
  void resultNamesTheChairmanOfTheUnitAndTheDecisionArticles() {
    DocumentText text = DocumentComposer.compose(templates.forKind(DocumentKind.RESULT), SampleDocuments.allFields(),
        SampleDocuments.DONGHA, SampleDocuments.ISSUED_ON);
    assertThat(text.body().get(0)).isEqualTo(new DocumentText.Paragraph("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ", true));
    assertThat(text.body()).contains(new DocumentText.Paragraph("QUYẾT ĐỊNH:", true),
        new DocumentText.Paragraph("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", false));
    assertThat(text.signer().lines()).containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
  }

  @Test
  void multiLineFieldBecomesOneParagraphPerLine() {
    DocumentText text = DocumentComposer.compose(templates.forKind(DocumentKind.SUPPLEMENT_REQUEST),
        SampleDocuments.allFields(), SampleDocuments.DONGHA, SampleDocuments.ISSUED_ON);
    assertThat(text.body()).extracting(DocumentText.Paragraph::text)
        .containsSubsequence("1. Bản sao giấy chứng nhận kết hôn của cha, mẹ.", "2. Giấy tờ chứng minh nơi cư trú.");
  }

  @Test
  void missingFieldOfAKindIsNamed() {
    Map<String, String> fields = new HashMap<>(SampleDocuments.allFields());
    fields.remove("householdName");
    assertThatThrownBy(() -> DocumentComposer.compose(templates.forKind(DocumentKind.of("SITE_HANDOVER")), fields,
        SampleDocuments.DONGHA, SampleDocuments.ISSUED_ON))
        .isInstanceOfSatisfying(MissingDocumentFieldException.class, e -> assertThat(e.placeholder()).isEqualTo("householdName"));
  }

  @Test
  void unitNamesAreAvailableToEveryTemplate() {
    Map<String, String> fields = new HashMap<>(SampleDocuments.allFields());
    DocumentText text = DocumentComposer.compose(templates.forKind(DocumentKind.REFUSAL), fields,
        SampleDocuments.DONGHA, SampleDocuments.ISSUED_ON);
    assertThat(text.body().get(0).text()).isEqualTo("Bộ phận Một cửa Ủy ban nhân dân phường Đông Hà đã tiếp nhận hồ sơ của: Nguyễn Thị Hương.");
  }
}
