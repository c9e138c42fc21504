package vn.danvan.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import vn.danvan.document.DocumentFonts.Style;

/**
 * Parsed fonts kept between documents, so that a document neither parses the font files again nor
 * runs PDFBox's glyph substitution on each text run.
 *
 * <p>Each font is used by one document at a time: it is borrowed while the document is written and
 * saved, then given back. PDFBox reads a font's tables lazily and does not promise that one
 * {@link TrueTypeFont} may serve several threads at once; a font per concurrent document needs no
 * such promise. Fonts are parsed when none is idle (at most once per document being written at the
 * same moment), and no more than {@link #MAX_IDLE} per style are kept.
 *
 * <p>Glyph substitution (the font's GSUB table) is switched off: for Latin script PDFBox applies
 * the {@code ccmp}, {@code liga} and {@code clig} features by building a worker, a regular
 * expression and maps for every {@code showText} call, which cost a third of the application's
 * CPU. Vietnamese needs none of them: the text is NFC (every Vietnamese letter with its tone is one
 * precomposed code point with its own glyph in Liberation Serif), and without ligatures every glyph
 * maps back to its character, so copying and searching the text gives back what was written.
 */
final class FontPool {

  static final int MAX_IDLE = 8;

  private final Map<Style, Deque<TrueTypeFont>> idle = new EnumMap<>(Style.class);
  private final Map<Style, AtomicInteger> parsed = new EnumMap<>(Style.class);
  private final Map<Style, GlyphWidths> widths = new EnumMap<>(Style.class);

  /** Parses each font once now, to measure its glyphs; the parsed fonts wait for the first documents. */
  FontPool() {
    for (Style style : Style.values()) {
      idle.put(style, new ConcurrentLinkedDeque<>());
      parsed.put(style, new AtomicInteger());
      TrueTypeFont font = parse(style);
      try {
        widths.put(style, new GlyphWidths(font));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the glyph widths of " + style, e);
      }
      idle.get(style).add(font);
    }
  }

  GlyphWidths widths(Style style) {
    return widths.get(style);
  }

  TrueTypeFont take(Style style) {
    TrueTypeFont font = idle.get(style).pollFirst();
    return font != null ? font : parse(style);
  }

  void give(Style style, TrueTypeFont font) {
    Deque<TrueTypeFont> fonts = idle.get(style);
    // the size of a ConcurrentLinkedDeque is counted, but only beyond MAX_IDLE concurrent documents
    // could it be off by a few, which only keeps a font more or less
    if (fonts.size() < MAX_IDLE) {
      fonts.offerFirst(font);
    }
  }

  /** How many times the fonts of a style were parsed: once per document being written at the same time. */
  int parsed(Style style) {
    return parsed.get(style).get();
  }

  private TrueTypeFont parse(Style style) {
    try {
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(DocumentFonts.file(style)));
      font.setEnableGsub(false);
      parsed.get(style).incrementAndGet();
      return font;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse font " + style, e);
    }
  }
}
