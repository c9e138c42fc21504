package vn.danvan.document;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.danvan.document.DocumentFonts.Style;

/**
 * Lays a {@link DocumentText} out on A4 pages as Decree 30/2020 shows an administrative document:
 * issuing body and number top left, national title and motto top right, place and date under the
 * motto, the title centred, the body justified with page breaks (page numbers from page 2), the
 * signer's block on the right and "Nơi nhận:" (or a second signer) on the left; a QR code, if the
 * template has one, under them with its caption and the encoded link as text beside it.
 */
@Component
class DocumentPdfRenderer {

  static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
  static final String RECIPIENTS_LABEL = "Nơi nhận:";

  private static final float HEADER_SIZE = 12.5f;
  private static final float MOTTO_SIZE = 13.5f;
  private static final float TITLE_SIZE = 14f;
  private static final float BODY_SIZE = 13f;
  private static final float BODY_LEADING = 17f;
  private static final float PARAGRAPH_SPACING = 6f;
  private static final float FIRST_LINE_INDENT = PageWriter.MM * 10;
  /** Room left blank for the signature and the seal between the capacity lines and the name. */
  private static final float SIGNATURE_SPACE = 72f;
  /** The QR code's side: 28 mm, read by a phone from a slip held at arm's length. */
  private static final float QR_SIDE = PageWriter.MM * 28;

  /** Null on the stock path: every document parses its fonts and PDFBox substitutes glyphs per text run. */
  private final FontPool fonts;

  /** @param fontCache keep parsed fonts between documents, without glyph substitution ({@link FontPool}) */
  DocumentPdfRenderer(@Value("${danvan.performance.pdf-font-cache:true}") boolean fontCache) {
    this.fonts = fontCache ? new FontPool() : null;
  }

  /** The parsed fonts kept between documents; null on the stock path. */
  FontPool fontPool() {
    return fonts;
  }

  byte[] render(DocumentText text) {
    try (PDDocument document = new PDDocument(); DocumentFonts documentFonts = new DocumentFonts(document, fonts)) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(text.title());
      info.setCreator("danvan");
      document.getDocumentCatalog().setLanguage("vi-VN");
      PageWriter out = new PageWriter(document, documentFonts);
      out.newPage();
      header(out, text);
      title(out, text);
      body(out, text.body());
      closing(out, text);
      qr(out, text.qr());
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write PDF", e);
    }
  }

  private static void header(PageWriter out, DocumentText text) throws IOException {
    float left = PageWriter.LEFT;
    float leftWidth = PageWriter.WIDTH * 0.42f;
    float right = left + leftWidth;
    float rightWidth = PageWriter.WIDTH - leftWidth;
    float top = out.y() - HEADER_SIZE;

    float y = top;
    Issuer issuer = text.issuer();
    if (issuer.parentBody() != null && !issuer.parentBody().isBlank()) {
      for (String line : out.wrap(DocumentFormats.upper(issuer.parentBody()), Style.REGULAR, HEADER_SIZE, leftWidth)) {
        out.centered(line, Style.REGULAR, HEADER_SIZE, left, leftWidth, y);
        y -= 15;
      }
    }
    float bodyWidth = 0;
    for (String line : out.wrap(DocumentFormats.upper(issuer.body()), Style.BOLD, HEADER_SIZE, leftWidth)) {
      out.centered(line, Style.BOLD, HEADER_SIZE, left, leftWidth, y);
      bodyWidth = Math.max(bodyWidth, out.width(line, Style.BOLD, HEADER_SIZE));
      y -= 15;
    }
    out.rule(left + leftWidth / 2, y + 8, bodyWidth * 0.4f);
    float leftBottom = y;

    float nationalSize = out.fit(NATIONAL_TITLE, Style.BOLD, HEADER_SIZE, rightWidth);
    out.centered(NATIONAL_TITLE, Style.BOLD, nationalSize, right, rightWidth, top);
    float mottoSize = out.fit(MOTTO, Style.BOLD, MOTTO_SIZE, rightWidth);
    out.centered(MOTTO, Style.BOLD, mottoSize, right, rightWidth, top - 16);
    out.rule(right + rightWidth / 2, top - 16 - 4, out.width(MOTTO, Style.BOLD, mottoSize));
    float rightBottom = top - 32;

    float lineY = Math.min(leftBottom, rightBottom) - 14;
    if (text.numberLine() != null) {
      out.centered(text.numberLine(), Style.REGULAR, BODY_SIZE, left, leftWidth, lineY);
    }
    for (String line : out.wrap(text.dateLine(), Style.ITALIC, BODY_SIZE, rightWidth)) {
      out.centered(line, Style.ITALIC, BODY_SIZE, right, rightWidth, lineY);
      lineY -= 16;
    }
    out.moveTo(lineY - 14);
  }

  private static void title(PageWriter out, DocumentText text) throws IOException {
    List<String> lines = new ArrayList<>(out.wrap(text.title(), Style.BOLD, TITLE_SIZE, PageWriter.WIDTH));
    if (text.subject() != null) {
      lines.addAll(out.wrap(text.subject(), Style.BOLD, TITLE_SIZE, PageWriter.WIDTH * 0.85f));
    }
    for (String line : lines) {
      out.ensureRoom(18);
      out.centered(line, Style.BOLD, TITLE_SIZE, PageWriter.LEFT, PageWriter.WIDTH, out.y() - TITLE_SIZE);
      out.moveTo(out.y() - 18);
    }
    out.rule(PageWriter.LEFT + PageWriter.WIDTH / 2, out.y() - 2, PageWriter.WIDTH * 0.25f);
    out.moveTo(out.y() - 16);
  }

  private static void body(PageWriter out, List<DocumentText.Paragraph> paragraphs) throws IOException {
    for (DocumentText.Paragraph paragraph : paragraphs) {
      if (paragraph.heading()) {
        for (String line : out.wrap(paragraph.text(), Style.BOLD, BODY_SIZE, PageWriter.WIDTH)) {
          out.ensureRoom(BODY_LEADING);
          out.centered(line, Style.BOLD, BODY_SIZE, PageWriter.LEFT, PageWriter.WIDTH, out.y() - BODY_SIZE);
          out.moveTo(out.y() - BODY_LEADING);
        }
      } else {
        justified(out, paragraph.text());
      }
      out.moveTo(out.y() - PARAGRAPH_SPACING);
    }
  }

  /** The first line indented, every line but the last stretched to the full width. */
  private static void justified(PageWriter out, String text) throws IOException {
    String words = text.strip().replaceAll("\\s+", " ");
    List<String> first = out.wrap(words, Style.REGULAR, BODY_SIZE, PageWriter.WIDTH - FIRST_LINE_INDENT);
    List<String> lines = new ArrayList<>();
    lines.add(first.get(0));
    String rest = words.substring(first.get(0).length()).strip();
    if (!rest.isEmpty()) {
      lines.addAll(out.wrap(rest, Style.REGULAR, BODY_SIZE, PageWriter.WIDTH));
    }
    for (int i = 0; i < lines.size(); i++) {
      out.ensureRoom(BODY_LEADING);
      float indent = i == 0 ? FIRST_LINE_INDENT : 0;
      boolean last = i == lines.size() - 1;
      out.justifiedLine(lines.get(i), Style.REGULAR, BODY_SIZE, PageWriter.LEFT + indent, PageWriter.WIDTH - indent,
          out.y() - BODY_SIZE, !last);
      out.moveTo(out.y() - BODY_LEADING);
    }
  }

  /** Recipients or a counter-signer on the left, the signer on the right, kept together on one page. */
  private static void closing(PageWriter out, DocumentText text) throws IOException {
    float leftWidth = PageWriter.WIDTH * 0.45f;
    float right = PageWriter.LEFT + leftWidth;
    float rightWidth = PageWriter.WIDTH - leftWidth;
    List<Line> signer = signatureLines(out, text.signer(), rightWidth);
    List<Line> leftBlock = text.counterSigner() != null ? signatureLines(out, text.counterSigner(), leftWidth)
        : recipientLines(out, text.recipients(), leftWidth);
    float height = Math.max(height(signer), height(leftBlock));
    out.moveTo(out.y() - 6);
    out.ensureRoom(height);
    float top = out.y();
    draw(out, signer, right, rightWidth, top);
    draw(out, leftBlock, PageWriter.LEFT, leftWidth, top);
    out.moveTo(top - height);
  }

  /** The QR code at the left margin, its caption and the link it encodes to its right. */
  private static void qr(PageWriter out, DocumentText.Qr qr) throws IOException {
    if (qr == null) {
      return;
    }
    BitMatrix matrix = QrCodes.encode(qr.text());
    out.moveTo(out.y() - 12);
    out.ensureRoom(QR_SIDE);
    float top = out.y();
    out.modules(matrix, PageWriter.LEFT, top, QR_SIDE / matrix.getWidth());
    float x = PageWriter.LEFT + QR_SIDE + PageWriter.MM * 5;
    float width = PageWriter.RIGHT - x;
    float y = top - 12;
    if (qr.caption() != null) {
      for (String line : out.wrap(qr.caption(), Style.ITALIC, 12, width)) {
        out.text(line, Style.ITALIC, 12, x, y);
        y -= 15;
      }
    }
    for (String line : LineBreaker.wrap(qr.text(), width, s -> out.width(s, Style.REGULAR, 10))) {
      out.text(line, Style.REGULAR, 10, x, y - 2);
      y -= 13;
    }
    out.moveTo(top - QR_SIDE);
  }

  /** One line of a closing block; {@code gapBefore} leaves room for a signature above it. */
  private record Line(String text, Style style, float size, float leading, boolean centered, float gapBefore) {}

  private static List<Line> signatureLines(PageWriter out, DocumentText.Block block, float width) {
    List<Line> lines = new ArrayList<>();
    for (String capacity : block.lines()) {
      out.wrap(capacity, Style.BOLD, BODY_SIZE, width).forEach(l -> lines.add(new Line(l, Style.BOLD, BODY_SIZE, 16, true, 0)));
    }
    if (block.name() != null) {
      List<String> name = out.wrap(block.name(), Style.BOLD, BODY_SIZE, width);
      for (int i = 0; i < name.size(); i++) {
        lines.add(new Line(name.get(i), Style.BOLD, BODY_SIZE, 16, true, i == 0 ? SIGNATURE_SPACE : 0));
      }
    }
    return lines;
  }

  private static List<Line> recipientLines(PageWriter out, List<String> recipients, float width) {
    List<Line> lines = new ArrayList<>();
    if (recipients.isEmpty()) {
      return lines;
    }
    lines.add(new Line(RECIPIENTS_LABEL, Style.BOLD_ITALIC, 12, 14, false, 0));
    for (String recipient : recipients) {
      out.wrap(recipient, Style.REGULAR, 11, width).forEach(l -> lines.add(new Line(l, Style.REGULAR, 11, 13, false, 0)));
    }
    return lines;
  }

  private static float height(List<Line> lines) {
    return (float) lines.stream().mapToDouble(l -> l.leading() + l.gapBefore()).sum() + 4;
  }

  private static void draw(PageWriter out, List<Line> lines, float x, float width, float top) throws IOException {
    float y = top;
    for (Line line : lines) {
      y -= line.gapBefore();
      float baseline = y - line.size();
      if (line.centered()) {
        out.centered(line.text(), line.style(), line.size(), x, width, baseline);
      } else {
        out.text(line.text(), line.style(), line.size(), x, baseline);
      }
      y -= line.leading();
    }
  }
}
