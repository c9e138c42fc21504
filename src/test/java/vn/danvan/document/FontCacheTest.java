package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.document.DocumentFonts.Style;
import vn.danvan.support.Poppler;

/**
 * The font cache ({@code danvan.performance.pdf-font-cache}: parsed fonts kept between documents,
 * no glyph substitution) writes Vietnamese that poppler's {@code pdftotext} reads back letter for
 * letter, the same text and pages as the stock path, with subsets no larger, also when several
 * threads render at once.
 */
class FontCacheTest {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  /** The vowels and their tones: none, huyền, sắc, hỏi, ngã, nặng. */
  private static final String VOWELS = "aăâeêioôơuưy";
  private static final String[] TONES = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};

  @TempDir Path dir;

  /** Every vowel with every tone (72 letters) and đ, in lower and upper case, as NFC words. */
  static List<String> everyVietnameseLetter() {
    List<String> words = new ArrayList<>();
    for (char vowel : VOWELS.toCharArray()) {
      StringBuilder word = new StringBuilder();
      for (String tone : TONES) {
        word.append(Normalizer.normalize(vowel + tone, Normalizer.Form.NFC));
      }
      words.add(word.toString());
    }
    words.add("đĐ");
    List<String> all = new ArrayList<>(words);
    words.forEach(w -> all.add(w.toUpperCase(VIETNAMESE)));
    return all;
  }

  /** A congratulation letter addressed to {@code recipient}: the field reaches the body through the composer, as a citizen's input does. */
  private static DocumentText letterTo(String recipient) {
    Map<String, String> fields = new HashMap<>(SampleDocuments.allFields());
    fields.put("recipientName", recipient);
    return DocumentPdfRendererTest.sample(DocumentKind.CONGRATULATION, fields);
  }

  private String pdftotext(byte[] pdf, String name) throws Exception {
    return Poppler.text(Files.write(dir.resolve(name + ".pdf"), pdf)).replaceAll("\\s+", " ").strip();
  }

  @Test
  void everyVietnameseLetterWithEveryToneComesBackFromPdftotextPrecomposedOrCombiningInput() throws Exception {
    List<String> letters = everyVietnameseLetter();
    String precomposed = String.join(" ", letters);
    String combining = Normalizer.normalize(precomposed, Normalizer.Form.NFD);
    assertThat(combining).isNotEqualTo(precomposed).hasSizeGreaterThan(precomposed.length());
    assertThat(precomposed.codePoints().filter(Character::isLetter).count()).isEqualTo(2 * (VOWELS.length() * 6 + 2));

    for (boolean fontCache : new boolean[] {true, false}) {
      DocumentPdfRenderer renderer = new DocumentPdfRenderer(fontCache);
      for (String input : List.of(precomposed, combining)) {
        String text = pdftotext(renderer.render(letterTo(input)), "letters-" + fontCache + input.length());
        // the letters come back precomposed, each one as written (Poppler.text normalizes pdftotext's
        // output to NFC, so a glyph extracted as base letter plus combining marks would pass too)
        assertThat(text).as("font cache " + fontCache).contains("Kính gửi: " + precomposed + ".");
        assertThat(text).doesNotContain("?");
      }
    }
  }

  @Test
  void everyTemplateGivesTheSameTextAndPagesAsTheStockPathAndNoLargerFile() throws Exception {
    DocumentPdfRenderer cached = new DocumentPdfRenderer(true);
    DocumentPdfRenderer stock = new DocumentPdfRenderer(false);
    for (DocumentKind kind : new DocumentTemplates().kinds()) {
      DocumentText text = DocumentPdfRendererTest.sample(kind, SampleDocuments.allFields());
      byte[] withCache = cached.render(text);
      byte[] withoutCache = stock.render(text);
      String name = kind.name().toLowerCase(Locale.ROOT);
      assertThat(pdftotext(withCache, name + "-cached")).as(kind.name()).isEqualTo(pdftotext(withoutCache, name + "-stock"));
      assertThat(pages(withCache)).as(kind.name()).isEqualTo(pages(withoutCache));
      // only the glyphs used are embedded, as before: the subsets are the same size, give or take the tables' padding
      assertThat(withCache.length).as(kind.name()).isLessThanOrEqualTo(withoutCache.length + 512);
    }
  }

  @Test
  void renderingOnSeveralThreadsAtOnceGivesEachDocumentItsOwnTextAndReusesTheParsedFonts() throws Exception {
    DocumentPdfRenderer renderer = new DocumentPdfRenderer(true);
    List<DocumentKind> kinds = List.copyOf(new DocumentTemplates().kinds());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Callable<byte[]>> jobs = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        DocumentText text = DocumentPdfRendererTest.sample(kinds.get(i % kinds.size()), SampleDocuments.allFields());
        jobs.add(() -> renderer.render(text));
      }
      List<Future<byte[]>> results = threads.invokeAll(jobs);
      DocumentPdfRenderer alone = new DocumentPdfRenderer(true);
      for (int i = 0; i < results.size(); i++) {
        DocumentText text = DocumentPdfRendererTest.sample(kinds.get(i % kinds.size()), SampleDocuments.allFields());
        assertThat(pdftotext(results.get(i).get(), "concurrent-" + i)).isEqualTo(pdftotext(alone.render(text), "alone-" + i));
      }
    } finally {
      threads.shutdownNow();
    }
    // at most one parse per thread (plus the one that measures the glyphs), not one per document
    assertThat(renderer.fontPool().parsed(Style.REGULAR)).isBetween(1, 5);
  }

  private static int pages(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }
}
