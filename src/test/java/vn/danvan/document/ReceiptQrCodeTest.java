package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.support.Poppler;
import vn.danvan.support.QrReader;

/** The receipt (Form 01) carries a QR code that a camera reads back as the dossier's status link. */
class ReceiptQrCodeTest {

  private final DocumentPdfRenderer renderer = new DocumentPdfRenderer(true);

  @Test
  void theQrCodeOnTheRenderedReceiptDecodesToTheStatusLinkAndTheTextStillHasTheCode(@TempDir Path dir) throws Exception {
    Map<String, String> fields = SampleDocuments.allFields();
    byte[] pdf = renderer.render(DocumentPdfRendererTest.sample(DocumentKind.RECEIPT, fields));

    assertThat(QrReader.read(pdf, 0)).isEqualTo(fields.get("statusUrl"));
    Path file = Files.write(dir.resolve("receipt.pdf"), pdf);
    String text = Poppler.text(file);
    assertThat(text).contains("000.00.31.H48-261122-0001").contains("Quét mã QR để tra cứu tình trạng hồ sơ");
  }

  @Test
  void theSupplementRequestCarriesTheLinkToo() throws Exception {
    byte[] pdf = renderer.render(DocumentPdfRendererTest.sample(DocumentKind.SUPPLEMENT_REQUEST, SampleDocuments.allFields()));
    assertThat(QrReader.read(pdf, 0)).endsWith("/tra-cuu.html?ma=000.00.31.H48-261122-0001");
  }

  @Test
  void aDocumentWithoutQrInItsTemplateHasNone() throws Exception {
    byte[] pdf = renderer.render(DocumentPdfRendererTest.sample(DocumentKind.REFUSAL, SampleDocuments.allFields()));
    assertThatThrownBy(() -> QrReader.read(pdf, 0)).isInstanceOf(AssertionError.class);
  }

  @Test
  void theLinkHoldsTheCodeOnlyUnderTheConfiguredAddress() {
    PublicStatusLinks links = new PublicStatusLinks("https://motcua.quangtri.gov.vn/");
    assertThat(links.statusUrl("000.00.31.H48-261201-0001"))
        .isEqualTo("https://motcua.quangtri.gov.vn/tra-cuu.html?ma=000.00.31.H48-261201-0001");
    assertThatThrownBy(() -> new PublicStatusLinks("javascript:alert(1)")).hasMessageContaining("danvan.notify.public-base-url");
    assertThatThrownBy(() -> new PublicStatusLinks("https://x.vn/?a=1")).hasMessageContaining("danvan.notify.public-base-url");
  }
}
