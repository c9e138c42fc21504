package vn.danvan.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The templates of every {@link DocumentKind}, read once from {@code documents/templates/*.yaml}.
 * A missing or malformed template stops the application at startup, not at the first document.
 */
@Component
class DocumentTemplates {

  private final Map<DocumentKind, DocumentTemplate> templates = new EnumMap<>(DocumentKind.class);

  DocumentTemplates() {
    for (DocumentKind kind : DocumentKind.values()) {
      templates.put(kind, load(kind));
    }
  }

  DocumentTemplate forKind(DocumentKind kind) {
    return templates.get(kind);
  }

  @SuppressWarnings("unchecked")
  static DocumentTemplate load(DocumentKind kind) {
    String resource = kind.templateResource();
    try (InputStream in = DocumentTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing document template " + resource);
      }
      Map<String, Object> root = new Yaml().load(in);
      String body = text(root, "body");
      return new DocumentTemplate(kind, text(root, "register"), text(root, "symbol"), text(root, "title"),
          text(root, "subject"), body == null ? List.of() : body.lines().filter(l -> !l.isBlank()).toList(),
          block((Map<String, Object>) root.get("signer")), block((Map<String, Object>) root.get("counterSigner")),
          strings(root.get("recipients")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read document template " + resource, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Invalid document template " + resource + ": " + e.getMessage(), e);
    }
  }

  private static DocumentTemplate.SignatureBlock block(Map<String, Object> map) {
    if (map == null) {
      return null;
    }
    return new DocumentTemplate.SignatureBlock(strings(map.get("lines")), text(map, "name"));
  }

  private static String text(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? null : DocumentFormats.nfc(value.toString());
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return ((List<Object>) value).stream().map(v -> DocumentFormats.nfc(String.valueOf(v))).toList();
  }
}
