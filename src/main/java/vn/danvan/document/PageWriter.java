package vn.danvan.document;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import vn.danvan.document.DocumentFonts.Style;

/**
 * Writes text on A4 pages with the margins of Decree 30/2020 (top and bottom 20 mm, left 30 mm,
 * right 15 mm), keeping a cursor that moves down and opens a new page, numbered from page 2 on,
 * when the next line does not fit.
 */
final class PageWriter {

  static final float MM = 72f / 25.4f;
  static final PDRectangle SIZE = PDRectangle.A4;
  static final float LEFT = 30 * MM;
  static final float RIGHT = SIZE.getWidth() - 15 * MM;
  static final float WIDTH = RIGHT - LEFT;
  static final float TOP = SIZE.getHeight() - 20 * MM;
  static final float BOTTOM = 20 * MM;

  private final PDDocument document;
  private final DocumentFonts fonts;
  private PDPageContentStream stream;
  private int pages;
  private float y;

  PageWriter(PDDocument document, DocumentFonts fonts) {
    this.document = document;
    this.fonts = fonts;
  }

  float y() {
    return y;
  }

  void moveTo(float newY) {
    y = newY;
  }

  void newPage() throws IOException {
    close();
    PDPage page = new PDPage(SIZE);
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    pages++;
    y = TOP;
    if (pages > 1) {
      centered(Integer.toString(pages), Style.REGULAR, 13, LEFT, WIDTH, SIZE.getHeight() - 12 * MM);
    }
  }

  /** Opens a new page unless {@code height} points fit above the bottom margin. */
  void ensureRoom(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  void close() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  float width(String text, Style style, float size) {
    try {
      return fonts.width(style, text) / 1000f * size;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (IllegalArgumentException e) {
      return fonts.get(style).getAverageFontWidth() / 1000f * size * text.length();
    }
  }

  /** The largest size up to {@code size} at which the text fits the width. */
  float fit(String text, Style style, float size, float maxWidth) {
    float fitted = size;
    while (fitted > 6 && width(text, style, fitted) > maxWidth) {
      fitted -= 0.5f;
    }
    return fitted;
  }

  List<String> wrap(String text, Style style, float size, float maxWidth) {
    return LineBreaker.wrap(printable(text, style), maxWidth, s -> width(s, style, size));
  }

  /** The text with every character the font has no glyph for (an emoji, say) replaced by '?'. */
  String printable(String text, Style style) {
    if (fonts.covers(style, text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      String ch = new String(Character.toChars(c));
      out.append(fonts.covers(style, ch) ? ch : "?");
    });
    return out.toString();
  }

  void text(String text, Style style, float size, float x, float baseline) throws IOException {
    PDType0Font font = fonts.get(style);
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(printable(text, style));
    stream.endText();
  }

  void centered(String text, Style style, float size, float x, float boxWidth, float baseline) throws IOException {
    String printable = printable(text, style);
    text(printable, style, size, x + (boxWidth - width(printable, style, size)) / 2, baseline);
  }

  /** A line whose words are spread to fill the width when {@code stretch}, else left-aligned. */
  void justifiedLine(String line, Style style, float size, float x, float lineWidth, float baseline, boolean stretch)
      throws IOException {
    String[] words = line.split(" ");
    if (!stretch || words.length < 2) {
      text(line, style, size, x, baseline);
      return;
    }
    float wordsWidth = 0;
    for (String word : words) {
      wordsWidth += width(word, style, size);
    }
    float gap = (lineWidth - wordsWidth) / (words.length - 1);
    PDType0Font font = fonts.get(style);
    stream.beginText();
    stream.setFont(font, size);
    float at = x;
    for (String word : words) {
      stream.setTextMatrix(Matrix.getTranslateInstance(at, baseline));
      stream.showText(word);
      at += width(word, style, size) + gap;
    }
    stream.endText();
  }

  /** Dark modules as filled squares (vector, sharp at any print size), {@code module} points each, top left at (x, top). */
  void modules(BitMatrix matrix, float x, float top, float module) throws IOException {
    for (int row = 0; row < matrix.getHeight(); row++) {
      for (int col = 0; col < matrix.getWidth(); col++) {
        if (matrix.get(col, row)) {
          stream.addRect(x + col * module, top - (row + 1) * module, module, module);
        }
      }
    }
    stream.fill();
  }

  /** A horizontal rule of the given length centred on {@code centerX}. */
  void rule(float centerX, float atY, float length) throws IOException {
    stream.setLineWidth(0.6f);
    stream.moveTo(centerX - length / 2, atY);
    stream.lineTo(centerX + length / 2, atY);
    stream.stroke();
  }
}
