package vn.danvan.document;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills the {@code {name}} placeholders of template text from a map of field values. */
final class Placeholders {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private Placeholders() {}

  /** The names used in a text, in order of first use. */
  static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * The text with every placeholder replaced by its value.
   *
   * @throws MissingDocumentFieldException naming the first placeholder without a non-blank value
   */
  static String fill(String text, Map<String, String> values, DocumentKind kind) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 64);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        throw new MissingDocumentFieldException(m.group(1), kind);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
