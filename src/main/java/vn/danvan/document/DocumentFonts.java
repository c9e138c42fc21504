package vn.danvan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one PDF being written: Liberation Serif (metric-compatible with Times New Roman,
 * which Decree 30/2020 prescribes; SIL OFL 1.1, see {@code fonts/OFL.txt}), embedded as subsets
 * and loaded only when the document uses the style. The font files are read from the classpath once.
 */
final class DocumentFonts {

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
  private final Map<Style, PDType0Font> loaded = new EnumMap<>(Style.class);

  DocumentFonts(PDDocument document) {
    this.document = document;
  }

  PDType0Font get(Style style) {
    return loaded.computeIfAbsent(style, s -> {
      try {
        return PDType0Font.load(document, new ByteArrayInputStream(FILES.get(s)), true);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot load font " + s.file, e);
      }
    });
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
