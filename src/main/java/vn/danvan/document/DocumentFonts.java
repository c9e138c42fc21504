package vn.danvan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one PDF being written: Liberation Serif (metric-compatible with Times New Roman,
 * which Decree 30/2020 prescribes; SIL OFL 1.1, see {@code fonts/OFL.txt}), embedded as subsets
 * and loaded only when the document uses the style. The font files are read from the classpath once.
 *
 * <p>With a {@link FontPool} the parsed fonts are borrowed for the document and given back by
 * {@link #close()} once the document is saved; without one (the stock path, kept to measure
 * against) each document parses its fonts again and PDFBox applies their glyph substitution table
 * on every text run.
 */
final class DocumentFonts implements AutoCloseable {

  enum Style {
    REGULAR("LiberationSerif-Regular.ttf"),
    BOLD("LiberationSerif-Bold.ttf"),
    ITALIC("LiberationSerif-Italic.ttf"),
    BOLD_ITALIC("LiberationSerif-BoldItalic.ttf");

    private final String file;

    Style(String file) {
      this.file = file;
    }
  }

  private static final Map<Style, byte[]> FILES = readFiles();

  private final PDDocument document;
  private final FontPool pool;
  private final Map<Style, PDType0Font> loaded = new EnumMap<>(Style.class);
  private final Map<Style, TrueTypeFont> borrowed = new EnumMap<>(Style.class);

  /** @param pool where parsed fonts are borrowed from, or null to parse them for this document */
  DocumentFonts(PDDocument document, FontPool pool) {
    this.document = document;
    this.pool = pool;
  }

  PDType0Font get(Style style) {
    return loaded.computeIfAbsent(style, s -> {
      try {
        if (pool == null) {
          return PDType0Font.load(document, new ByteArrayInputStream(FILES.get(s)), true);
        }
        TrueTypeFont font = pool.take(s);
        borrowed.put(s, font);
        // this overload leaves the parsed font open when the document closes: it goes back to the pool
        return PDType0Font.load(document, font, true);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot load font " + s.file, e);
      }
    });
  }

  /**
   * The text's advance width in thousandths of an em.
   *
   * @throws IllegalArgumentException if the font has no glyph for a character of the text
   */
  float width(Style style, String text) throws IOException {
    if (pool != null) {
      GlyphWidths widths = pool.widths(style);
      if (widths.covers(text)) {
        return widths.width(text);
      }
    }
    return get(style).getStringWidth(text);
  }

  /** Whether the font has a glyph for every character of the text. */
  boolean covers(Style style, String text) {
    if (pool != null) {
      return pool.widths(style).covers(text);
    }
    try {
      get(style).encode(text);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** Gives the borrowed fonts back; call it after the document is saved (saving writes the subsets). */
  @Override
  public void close() {
    if (pool != null) {
      borrowed.forEach(pool::give);
      borrowed.clear();
    }
  }

  static byte[] file(Style style) {
    return FILES.get(style);
  }

  private static Map<Style, byte[]> readFiles() {
    Map<Style, byte[]> files = new EnumMap<>(Style.class);
    for (Style style : Style.values()) {
      String resource = "fonts/" + style.file;
      try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Missing font resource " + resource);
        }
        files.put(style, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read font resource " + resource, e);
      }
    }
    return files;
  }
}
