package vn.danvan.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The notification kinds and their texts: every file {@code notify/templates/<kind>.yaml} is a
 * kind, read once at startup. A malformed or incomplete template (a missing text, a missing or
 * non-boolean {@code publicStatusLink}, a link placeholder in a kind without the link) stops the
 * application at startup naming the file and the field, not at the first message; the kinds the
 * one-stop process sends ({@link NotificationKind} constants) must all have a template.
 */
@Component
class NotificationTemplates {

  static final String DIRECTORY = "notify/templates/";

  private final Map<NotificationKind, NotificationTemplate> templates = new TreeMap<>();

  NotificationTemplates() {
    this("classpath*:" + DIRECTORY + "*.yaml");
    for (NotificationKind own : List.of(NotificationKind.RECEIPT, NotificationKind.SUPPLEMENT_REQUEST,
        NotificationKind.APOLOGY, NotificationKind.RESULT_READY, NotificationKind.CLOSED_NO_SUPPLEMENT,
        NotificationKind.REFUSAL, NotificationKind.WITHDRAWN)) {
      if (!templates.containsKey(own)) {
        throw new IllegalStateException("Missing notification template " + own.templateResource());
      }
    }
  }

  /** The templates matching a resource pattern ({@code classpath*:notify/templates/*.yaml}). */
  NotificationTemplates(String locationPattern) {
    Resource[] files;
    try {
      files = new PathMatchingResourcePatternResolver(NotificationTemplates.class.getClassLoader())
          .getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list notification templates " + locationPattern, e);
    }
    for (Resource file : files) {
      String name = file.getFilename();
      NotificationKind kind;
      try {
        kind = NotificationKind.ofFileName(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("Invalid notification template " + DIRECTORY + name + ": " + e.getMessage(), e);
      }
      if (templates.put(kind, load(kind, file)) != null) {
        throw new IllegalStateException("Notification template " + DIRECTORY + name + " found twice on the classpath");
      }
    }
  }

  /**
   * The texts of a kind.
   *
   * @throws IllegalArgumentException if no template file defines the kind
   */
  NotificationTemplate forKind(NotificationKind kind) {
    NotificationTemplate template = templates.get(kind);
    if (template == null) {
      throw new IllegalArgumentException("Unknown notification kind '" + kind + "': no " + kind.templateResource());
    }
    return template;
  }

  /** Every kind, in name order. */
  NavigableSet<NotificationKind> kinds() {
    return new TreeSet<>(templates.keySet());
  }

  @SuppressWarnings("unchecked")
  static NotificationTemplate load(NotificationKind kind, Resource file) {
    String resource = kind.templateResource();
    try (InputStream in = file.getInputStream()) {
      Object loaded = new Yaml().load(in);
      if (!(loaded instanceof Map)) {
        throw new IllegalStateException("not a YAML mapping of fields (subject, body, sms, publicStatusLink)");
      }
      Map<String, Object> root = (Map<String, Object>) loaded;
      Object link = root.get("publicStatusLink");
      if (!(link instanceof Boolean)) {
        throw new IllegalStateException(kind + " notification template: 'publicStatusLink' must be true or false");
      }
      return new NotificationTemplate(kind, text(root, "subject"), text(root, "body"), text(root, "sms"), (Boolean) link);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read notification template " + resource, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Invalid notification template " + resource + ": " + e.getMessage(), e);
    }
  }

  private static String text(Map<String, Object> map, String key) {
    Object value = map == null ? null : map.get(key);
    // NFC: one code point per Vietnamese letter, whatever the editor of the file produced.
    return value == null ? null : Normalizer.normalize(value.toString().strip(), Normalizer.Form.NFC);
  }
}
