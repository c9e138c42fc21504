package vn.danvan.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The document kinds and their templates: every file {@code documents/templates/<kind>.yaml} is a
 * kind, read once at startup. A malformed or incomplete template stops the application at startup
 * naming the file and the field, not at the first document; the kinds the one-stop process issues
 * ({@link DocumentKind} constants) must all have a template.
 */
@Component
public class DocumentTemplates {

  static final String DIRECTORY = "documents/templates/";

  private final Map<DocumentKind, DocumentTemplate> templates = new TreeMap<>();

  /** Every template file on the classpath under {@code documents/templates/}. */
  public DocumentTemplates() {
    this("classpath*:" + DIRECTORY + "*.yaml");
    for (DocumentKind own : List.of(DocumentKind.RECEIPT, DocumentKind.SUPPLEMENT_REQUEST, DocumentKind.REFUSAL,
        DocumentKind.APOLOGY, DocumentKind.STOP_NOTICE, DocumentKind.RESULT, DocumentKind.CONGRATULATION,
        DocumentKind.CONDOLENCE)) {
      if (!templates.containsKey(own)) {
        throw new IllegalStateException("Missing document template " + own.templateResource());
      }
    }
  }

  /** The templates matching a resource pattern ({@code classpath*:documents/templates/*.yaml}). */
  DocumentTemplates(String locationPattern) {
    Resource[] files;
    try {
      files = new PathMatchingResourcePatternResolver(DocumentTemplates.class.getClassLoader()).getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list document templates " + locationPattern, e);
    }
    for (Resource file : files) {
      String name = file.getFilename();
      DocumentKind kind;
      try {
        kind = DocumentKind.ofFileName(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("Invalid document template " + DIRECTORY + name + ": " + e.getMessage(), e);
      }
      if (templates.put(kind, load(kind, file)) != null) {
        throw new IllegalStateException("Document template " + DIRECTORY + name + " found twice on the classpath");
      }
    }
  }

  /**
   * The template of a kind.
   *
   * @throws IllegalArgumentException if no template file defines the kind
   */
  DocumentTemplate forKind(DocumentKind kind) {
    DocumentTemplate template = templates.get(kind);
    if (template == null) {
      throw new IllegalArgumentException("Unknown document kind '" + kind + "': no " + kind.templateResource());
    }
    return template;
  }

  /** Whether a template file defines the kind. */
  public boolean exists(DocumentKind kind) {
    return kind != null && templates.containsKey(kind);
  }

  /** Every kind, in name order. */
  public NavigableSet<DocumentKind> kinds() {
    return new TreeSet<>(templates.keySet());
  }

  /** The template of one kind from the classpath (tests). */
  static DocumentTemplate load(DocumentKind kind) {
    return load(kind, new org.springframework.core.io.ClassPathResource(kind.templateResource()));
  }

  @SuppressWarnings("unchecked")
  static DocumentTemplate load(DocumentKind kind, Resource file) {
    String resource = kind.templateResource();
    try (InputStream in = file.getInputStream()) {
      Object loaded = new Yaml().load(in);
      if (!(loaded instanceof Map)) {
        throw new IllegalStateException("not a YAML mapping of fields (register, symbol, title, body, signer)");
      }
      Map<String, Object> root = (Map<String, Object>) loaded;
      String body = text(root, "body");
      return new DocumentTemplate(kind, text(root, "register"), text(root, "symbol"), text(root, "title"),
          text(root, "subject"), body == null ? List.of() : body.lines().filter(l -> !l.isBlank()).toList(),
          block(root.get("signer"), "signer"), block(root.get("counterSigner"), "counterSigner"),
          strings(root.get("recipients")), qr(root.get("qr")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read document template " + resource, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Invalid document template " + resource + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static DocumentTemplate.SignatureBlock block(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw new IllegalStateException("'" + field + "' must be a mapping with 'lines' and 'name'");
    }
    Map<String, Object> map = (Map<String, Object>) value;
    return new DocumentTemplate.SignatureBlock(strings(map.get("lines")), text(map, "name"));
  }

  @SuppressWarnings("unchecked")
  private static DocumentTemplate.QrCode qr(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw new IllegalStateException("'qr' must be a mapping with 'text' and 'caption'");
    }
    Map<String, Object> map = (Map<String, Object>) value;
    return new DocumentTemplate.QrCode(text(map, "text"), text(map, "caption"));
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
    if (!(value instanceof List)) {
      throw new IllegalStateException("a list is expected, not '" + value + "'");
    }
    return ((List<Object>) value).stream().map(v -> DocumentFormats.nfc(String.valueOf(v))).toList();
  }
}
