package vn.danvan.notify;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of one {@link NotificationKind}, read from its YAML resource, and how they are filled:
 * an e-mail subject and body in Vietnamese, and a short SMS text that is sent without diacritics.
 *
 * @param publicStatusLink whether the message carries the case's public status link
 *     ({@code statusUrl}) and the public site ({@code publicUrl}); a kind without it (a denunciation:
 *     the denouncer's identity is protected) may not use those placeholders, and never renders them
 *     even if a caller passes them
 */
record NotificationTemplate(NotificationKind kind, String subject, String body, String sms, boolean publicStatusLink) {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  /** The placeholders that make up the public link; only a kind with {@code publicStatusLink: true} has them. */
  static final Set<String> LINK_PLACEHOLDERS = Set.of("statusUrl", "publicUrl");

  NotificationTemplate {
    Objects.requireNonNull(kind, "kind");
    require(subject, "subject", kind);
    require(body, "body", kind);
    require(sms, "sms", kind);
    if (!publicStatusLink) {
      for (String[] field : new String[][] {{"subject", subject}, {"body", body}, {"sms", sms}}) {
        Matcher m = PLACEHOLDER.matcher(field[1]);
        while (m.find()) {
          if (LINK_PLACEHOLDERS.contains(m.group(1))) {
            throw new IllegalStateException(kind + " notification template: '" + field[0] + "' uses {" + m.group(1)
                + "} but 'publicStatusLink' is false");
          }
        }
      }
    }
  }

  /**
   * The message for the channel, every placeholder replaced by its value. A kind without the public
   * link drops {@code statusUrl} and {@code publicUrl} from the values first.
   */
  Message render(Channel channel, Map<String, String> values) {
    if (!publicStatusLink) {
      Map<String, String> withoutLink = new HashMap<>(values);
      withoutLink.keySet().removeAll(LINK_PLACEHOLDERS);
      values = withoutLink;
    }
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
