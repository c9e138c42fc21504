package vn.danvan.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The texts of every {@link NotificationKind}, read once from {@code notify/templates/*.yaml}. A
 * missing or incomplete template stops the application at startup, not at the first message.
 */
@Component
class NotificationTemplates {

  private final Map<NotificationKind, NotificationTemplate> templates = new EnumMap<>(NotificationKind.class);

  NotificationTemplates() {
    for (NotificationKind kind : NotificationKind.values()) {
      templates.put(kind, load(kind));
    }
  }

  NotificationTemplate forKind(NotificationKind kind) {
    return templates.get(kind);
  }

  static NotificationTemplate load(NotificationKind kind) {
    String resource = kind.templateResource();
    try (InputStream in = NotificationTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing notification template " + resource);
      }
      Map<String, Object> root = new Yaml().load(in);
      return new NotificationTemplate(kind, text(root, "subject"), text(root, "body"), text(root, "sms"));
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
