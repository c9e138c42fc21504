package vn.danvan.document;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * How Decree 30/2020 writes the parts of a document header: the number line
 * ({@code "Số: 05/QĐ-UBND"}), the place and date line ({@code "Đông Hà, ngày 05 tháng 02 năm 2026"})
 * and the names of units. Numbers, days below 10 and months 1 and 2 get a leading zero.
 */
public final class DocumentFormats {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  /** Words that open a unit's name and are written in lower case inside a sentence. */
  private static final List<String> LEVEL_WORDS = List.of("Thành phố", "Đặc khu", "Phường", "Tỉnh", "Xã");

  private DocumentFormats() {}

  /** {@code "Số: 15/QĐ-UBND"}. */
  public static String numberLine(int number, String symbol) {
    return "Số: " + reference(number, symbol);
  }

  /** {@code "15/QĐ-UBND"}; numbers below 10 are written with two digits ({@code "05/QĐ-UBND"}). */
  public static String reference(int number, String symbol) {
    if (number < 1) {
      throw new IllegalArgumentException("Document numbers start at 1, got " + number);
    }
    return String.format(Locale.ROOT, "%02d", number) + "/" + symbol;
  }

  /** {@code "Đông Hà, ngày 05 tháng 02 năm 2026"}. */
  public static String dateLine(String place, LocalDate date) {
    String day = String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
    int m = date.getMonthValue();
    String month = m <= 2 ? "0" + m : Integer.toString(m);
    return place + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
  }

  /** Upper case the Vietnamese way ({@code "Phường Đông Hà"} becomes {@code "PHƯỜNG ĐÔNG HÀ"}). */
  public static String upper(String text) {
    return nfc(text).toUpperCase(VIETNAMESE);
  }

  /** The place of a unit: its name without the level word ({@code "Xã Cam Lộ"} gives {@code "Cam Lộ"}). */
  public static String place(String unitName) {
    String name = nfc(unitName).strip();
    for (String level : LEVEL_WORDS) {
      if (name.startsWith(level + " ") && name.length() > level.length() + 1) {
        return name.substring(level.length() + 1).strip();
      }
    }
    return name;
  }

  /** A unit's name inside a sentence: the level word in lower case ({@code "phường Đông Hà"}). */
  public static String inText(String unitName) {
    String name = nfc(unitName).strip();
    for (String level : LEVEL_WORDS) {
      if (name.startsWith(level + " ")) {
        return level.toLowerCase(VIETNAMESE) + name.substring(level.length());
      }
    }
    return name;
  }

  /** Unicode NFC with tabs and other control characters turned into spaces, line breaks kept. */
  public static String nfc(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder clean = new StringBuilder(normalized.length());
    normalized.codePoints().forEach(c -> {
      if (c == '\n') {
        clean.append('\n');
      } else if (c == '\r') {
        // dropped: "\r\n" stays one line break
      } else if (Character.isISOControl(c) || c == 0x00AD || c == 0x200B) {
        clean.append(c == 0x00AD || c == 0x200B ? "" : " ");
      } else {
        clean.appendCodePoint(c);
      }
    });
    return clean.toString();
  }

  /** ASCII letters, digits and dashes only, for file names ({@code "QĐ-UBND"} gives {@code "QD-UBND"}). */
  public static String ascii(String text) {
    String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("-{2,}", "-")
        .replaceAll("^-|-$", "");
  }
}
