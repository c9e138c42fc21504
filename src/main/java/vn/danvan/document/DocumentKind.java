package vn.danvan.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A kind of document, named after its template file: {@code documents/templates/site-handover.yaml}
 * is the kind {@code SITE_HANDOVER}. The kinds are whatever template files exist
 * ({@link DocumentTemplates} loads and checks them all at startup), so a new kind is a new file, not
 * a Java change. The constants below only name the kinds the one-stop process itself issues
 * (Forms 01–05 of Circular 03/2025/TT-VPCP and the letters that go with a result).
 *
 * <p>The name is what the database stores and the API shows, as it was when this was an enum.
 */
public final class DocumentKind implements Comparable<DocumentKind> {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /** Form 01: receipt slip with the appointment for the result. */
  public static final DocumentKind RECEIPT = of("RECEIPT");
  /** Form 02: one request listing everything the citizen must supplement. */
  public static final DocumentKind SUPPLEMENT_REQUEST = of("SUPPLEMENT_REQUEST");
  /** Form 03: refusal to accept the dossier, with reasons. */
  public static final DocumentKind REFUSAL = of("REFUSAL");
  /** Form 04: apology for a late result, with a new appointment. */
  public static final DocumentKind APOLOGY = of("APOLOGY");
  /** Form 05: notice that handling stops (the citizen withdrew). */
  public static final DocumentKind STOP_NOTICE = of("STOP_NOTICE");
  /** The result of a procedure: a decision of the unit's chairman. */
  public static final DocumentKind RESULT = of("RESULT");
  /** Congratulation letter (with birth and marriage certificates). */
  public static final DocumentKind CONGRATULATION = of("CONGRATULATION");
  /** Condolence letter (with a death registration). */
  public static final DocumentKind CONDOLENCE = of("CONDOLENCE");

  private final String name;

  private DocumentKind(String name) {
    this.name = name;
  }

  /**
   * The kind with this name ({@code SUPPLEMENT_REQUEST}). Only the shape is checked here; whether a
   * template exists is {@link DocumentTemplates}' answer.
   *
   * @throws IllegalArgumentException if the name is not upper snake case of at most 32 characters
   */
  @JsonCreator
  public static DocumentKind of(String name) {
    // at most 32 characters: the database column holding the kind (V1, V3)
    if (name == null || name.length() > 32 || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a document kind name: '" + name + "'");
    }
    return new DocumentKind(name);
  }

  /** The kind of a template file name ({@code site-handover.yaml} → {@code SITE_HANDOVER}). */
  static DocumentKind ofFileName(String fileName) {
    String stem = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
    if (!stem.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("Not a document template file name (lower kebab case .yaml): '" + fileName + "'");
    }
    return of(stem.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  @JsonValue
  public String name() {
    return name;
  }

  /** Classpath location of this kind's template. */
  public String templateResource() {
    return DocumentTemplates.DIRECTORY + name.toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocumentKind k && k.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public int compareTo(DocumentKind other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
