package vn.danvan.notify;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Vietnamese text as Vietnamese SMS gateways want it: without diacritics ("Hồ sơ đã được tiếp
 * nhận" → "Ho so da duoc tiep nhan"), in plain ASCII so that it travels in the GSM 7-bit alphabet
 * (160 characters per message instead of 70 in UCS-2).
 */
public final class SmsText {

  /** Characters per single SMS in the GSM 7-bit alphabet. */
  public static final int SINGLE_SMS_LENGTH = 160;

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private SmsText() {}

  /** The text without diacritics, in ASCII; characters without an ASCII form become {@code ?}. */
  public static String unaccented(String text) {
    // NFD splits every accented Vietnamese letter into its base letter and combining marks (tone
    // marks, circumflex, breve, horn); đ/Đ are letters of their own and need their own mapping.
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("")
        .replace('đ', 'd').replace('Đ', 'D')
        .replace('\u2013', '-').replace('\u2014', '-')
        .replace('\u2018', '\'').replace('\u2019', '\'')
        .replace('\u201C', '"').replace('\u201D', '"')
        .replace("\u2026", "...").replace('\u00A0', ' ');
    StringBuilder ascii = new StringBuilder(stripped.length());
    stripped.codePoints().forEach(c -> ascii.append(c < 0x80 ? (char) c : '?'));
    return ascii.toString();
  }
}
