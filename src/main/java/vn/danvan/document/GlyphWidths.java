package vn.danvan.document;

import java.io.IOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Which characters of the Basic Multilingual Plane a font has a glyph for, and their advance
 * widths in thousandths of an em, rounded as PDFBox writes them into the PDF's {@code /W} array:
 * the width of a line is then the same number PDFBox would compute, without encoding the text and
 * looking each code up in the document's font. Immutable once built, so every thread shares it.
 */
final class GlyphWidths {

  private static final int BMP = 0x10000;

  /** Width per code point; -1 where the font has no glyph. */
  private final short[] widths = new short[BMP];

  GlyphWidths(TrueTypeFont font) throws IOException {
    CmapLookup cmap = font.getUnicodeCmapLookup();
    float scaling = 1000f / font.getHeader().getUnitsPerEm();
    for (int c = 0; c < BMP; c++) {
      int gid = cmap.getGlyphId(c);
      widths[c] = gid > 0 ? (short) Math.round(font.getHorizontalMetrics().getAdvanceWidth(gid) * scaling) : -1;
    }
  }

  /** Whether the font has a glyph for every character of the text. */
  boolean covers(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c) || widths[c] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The text's advance width in thousandths of an em; only for text the font {@linkplain #covers covers}. */
  float width(String text) {
    float width = 0;
    for (int i = 0; i < text.length(); i++) {
      width += widths[text.charAt(i)];
    }
    return width;
  }
}
