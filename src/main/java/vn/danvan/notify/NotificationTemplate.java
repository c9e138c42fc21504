package vn.danvan.notify;

import java.text.Normalizer;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of one {@link NotificationKind}, read from its YAML resource, and how they are filled:
 * an e-mail subject and body in Vietnamese, and a short SMS text that is sent without diacritics.
 */
record NotificationTemplate(NotificationKind kind, String subject, String body, String sms) {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  NotificationTemplate {
    Objects.requireNonNull(kind, "kind");
    require(subject, "subject", kind);
    require(body, "body", kind);
    require(sms, "sms", kind);
  }

  /** The message for the channel, every placeholder replaced by its value. */
  Message render(Channel channel, Map<String, String> values) {
    if (channel == Channel.SMS) {
      // One line: a gateway may cut or reject line breaks.
      return new Message(null, SmsText.unaccented(fill(sms, values).replaceAll("\\s+", " ").strip()));
    }
    return new Message(fill(subject, values), fill(body, values));
  }

  /**
   * The text with every placeholder replaced in one pass (a value that contains braces is not
   * expanded again).
   *
   * @throws MissingNotificationValueException naming the first placeholder without a non-blank value
   */
  String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 64);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        throw new MissingNotificationValueException(m.group(1), kind);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(Normalizer.normalize(value.strip(), Normalizer.Form.NFC)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void require(String value, String key, NotificationKind kind) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(kind + " notification template: missing '" + key + "'");
    }
  }
}
