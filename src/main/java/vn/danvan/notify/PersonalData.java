package vn.danvan.notify;

import java.util.regex.Pattern;

/**
 * Keeps personal data (e-mail addresses, phone numbers) out of logs and stored error texts: masks
 * a recipient for a log line and redacts what a mail server or gateway may echo in its errors.
 */
public final class PersonalData {

  private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+");
  /** Phone-like runs: 8 or more digits, possibly with a leading + and spaces, dots or dashes between. */
  private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[ .-]?\\d){7,}");

  private PersonalData() {}

  /**
   * A phone number with all but its first two and last two digits hidden: {@code 0912345678} →
   * {@code 09******78}. Separators are dropped; numbers of fewer than 6 characters are hidden entirely.
   */
  public static String maskPhone(String phone) {
    if (phone == null) {
      return "";
    }
    String compact = phone.replaceAll("[\\s.()-]", "");
    if (compact.length() < 6) {
      return "*".repeat(compact.length());
    }
    return compact.substring(0, 2) + "*".repeat(compact.length() - 4) + compact.substring(compact.length() - 2);
  }

  /** An e-mail address reduced to its first character and domain: {@code an.nguyen@example.vn} → {@code a***@example.vn}. */
  public static String maskEmail(String address) {
    if (address == null) {
      return "";
    }
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return address.charAt(0) + "***" + address.substring(at);
  }

  static String maskRecipient(Channel channel, String recipient) {
    return channel == Channel.SMS ? maskPhone(recipient) : maskEmail(recipient);
  }

  /**
   * The text with the recipient, any e-mail address and any phone-like number replaced, e.g. an SMTP
   * server's {@code 550 <an.nguyen@example.vn>: Recipient address rejected}, so that it can be logged
   * and stored as {@code last_error}.
   */
  public static String redact(String text, String recipient) {
    if (text == null) {
      return null;
    }
    String result = text;
    if (recipient != null && !recipient.isBlank()) {
      result = result.replace(recipient, "<recipient>");
    }
    result = EMAIL.matcher(result).replaceAll("<e-mail>");
    return PHONE.matcher(result).replaceAll("<number>");
  }
}
