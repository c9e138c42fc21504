package vn.danvan.document;

import vn.danvan.config.BadRequestException;

/** A template needs a {@code {placeholder}} the request has no (or only a blank) value for. */
public class MissingDocumentFieldException extends BadRequestException {

  private final String placeholder;

  MissingDocumentFieldException(String placeholder, DocumentKind kind) {
    super("fields." + placeholder, "Document field '" + placeholder + "' is required by the " + kind + " template");
    this.placeholder = placeholder;
  }

  /** The name of the missing field, as written between braces in the template. */
  public String placeholder() {
    return placeholder;
  }
}
