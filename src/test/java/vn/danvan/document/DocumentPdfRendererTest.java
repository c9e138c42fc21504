package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF says exactly the Vietnamese text it was given, laid out on A4 pages with embedded subset fonts. */
class DocumentPdfRendererTest {

  private final DocumentPdfRenderer renderer = new DocumentPdfRenderer(true);

  static DocumentText sample(DocumentKind kind, Map<String, String> fields) {
    DocumentTemplate template = DocumentTemplates.load(kind);
    DocumentText text = DocumentComposer.compose(template, fields, SampleDocuments.DONGHA, SampleDocuments.ISSUED_ON);
    return DocumentComposer.numbered(text, 15, template.symbol());
  }

  /** The text of all pages, without the page numbers printed at the top of pages 2, 3, … */
  static String extract(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String pageText = stripper.getText(document);
        if (page > 1) {
          String first = pageText.lines().findFirst().orElse("").strip();
          assertThat(first).as("page number on top of page " + page).isEqualTo(Integer.toString(page));
          pageText = pageText.substring(pageText.indexOf(first) + first.length());
        }
        text.append(pageText).append('\n');
      }
      return text.toString();
    }
  }

  static String words(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  @Test
  void extractedTextEqualsEveryBodyParagraphWithAllItsDiacritics() throws IOException {
    DocumentText text = sample(DocumentKind.APOLOGY, SampleDocuments.allFields());
    String extracted = words(extract(renderer.render(text)));

    List<String> expected = new ArrayList<>();
    text.body().forEach(p -> expected.add(p.text()));
    // five paragraphs of Form 04 and the line with the unit's contact phone
    assertThat(expected).hasSize(6);
    // The paragraphs follow each other in the extracted text exactly, accents and all.
    String body = words(String.join(" ", expected));
    assertThat(extracted).contains(body);
    assertThat(extracted).contains("Ủy ban nhân dân phường Đông Hà xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả giải"
        + " quyết hồ sơ vào 16 giờ 00 phút, ngày 02 tháng 12 năm 2026.");
    assertThat(extracted).contains("Bộ phận Một cửa Ủy ban nhân dân phường Đông Hà, số điện thoại 0233 3852 123.");
  }

  @Test
  void headerCarriesIssuerNumberNationalTitleMottoAndDateLine() throws IOException {
    String extracted = extract(renderer.render(sample(DocumentKind.RESULT, SampleDocuments.allFields())));
    List<String> lines = extracted.lines().map(String::strip).toList();
    assertThat(String.join("\n", lines)).contains("UBND TỈNH QUẢNG TRỊ")
        .contains("UBND PHƯỜNG ĐÔNG HÀ")
        .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .contains("Độc lập - Tự do - Hạnh phúc")
        .contains("Số: 15/QĐ-UBND")
        .contains("Đông Hà, ngày 22 tháng 11 năm 2026");
    assertThat(lines).contains("QUYẾT ĐỊNH", "Về việc công nhận kết quả hòa giải thành ở cơ sở",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ", "QUYẾT ĐỊNH:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Minh",
        "- Như Điều 3;", "- Lưu: VT.");
    assertThat(words(extracted)).contains("Nơi nhận:");
  }

  @Test
  void decomposedInputComesOutPrecomposed() throws IOException {
    Map<String, String> fields = new HashMap<>(SampleDocuments.allFields());
    String nfd = Normalizer.normalize("Trần Thị Thủy Ngọc Ánh", Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo("Trần Thị Thủy Ngọc Ánh");
    fields.put("recipientName", nfd);
    String extracted = words(extract(renderer.render(sample(DocumentKind.CONGRATULATION, fields))));
    assertThat(extracted).contains("Kính gửi: Trần Thị Thủy Ngọc Ánh.");
    assertThat(Normalizer.isNormalized(extracted, Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void longBodyBreaksOntoNumberedPagesWithoutLosingAWord() throws IOException {
    Map<String, String> fields = new HashMap<>(SampleDocuments.allFields());
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      items.append(i).append(". Bản sao giấy tờ chứng minh quyền sử dụng đất số ").append(i)
          .append(" của hộ gia đình, có chứng thực của Ủy ban nhân dân cấp xã.\n");
    }
    fields.put("documentList", items.toString());
    byte[] pdf = renderer.render(sample(DocumentKind.RECEIPT, fields));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
    }
    String extracted = words(extract(pdf));
    for (int i = 1; i <= 60; i++) {
      assertThat(extracted).contains(i + ". Bản sao giấy tờ chứng minh quyền sử dụng đất số " + i
          + " của hộ gia đình, có chứng thực của Ủy ban nhân dân cấp xã.");
    }
    assertThat(extracted).contains("NGƯỜI TIẾP NHẬN HỒ SƠ").contains("NGƯỜI NỘP HỒ SƠ");
  }

  @Test
  void embedsTheFontsAsSubsetsOnA4() throws IOException {
    byte[] pdf = renderer.render(sample(DocumentKind.RESULT, SampleDocuments.allFields()));
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      assertThat(page.getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
      List<String> fonts = new ArrayList<>();
      for (var name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        fonts.add(font.getName());
      }
      // Subset fonts carry a six-letter tag: "ABCDEF+LiberationSerif-Bold".
      assertThat(fonts).isNotEmpty().allMatch(n -> n.matches("[A-Z]{6}\\+LiberationSerif.*"));
      assertThat(fonts).anyMatch(n -> n.endsWith("LiberationSerif-Bold")).anyMatch(n -> n.endsWith("LiberationSerif-Italic"));
    }
    assertThat(pdf.length).as("subset fonts keep the file small").isLessThan(200_000);
  }

  /** Not an assertion: writes page images to target/ for a person to look at the layout. */
  @Test
  void writesPageImagesForReview() throws IOException {
    Path dir = Path.of("target", "document-previews");
    Files.createDirectories(dir);
    for (DocumentKind kind : new DocumentTemplates().kinds()) {
      byte[] pdf = renderer.render(sample(kind, SampleDocuments.allFields()));
      Files.write(dir.resolve(kind.name().toLowerCase() + ".pdf"), pdf);
      try (PDDocument document = Loader.loadPDF(pdf)) {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 80);
        ImageIO.write(image, "png", dir.resolve(kind.name().toLowerCase() + ".png").toFile());
      }
    }
    assertThat(dir.resolve("result.png")).exists();
  }
}
