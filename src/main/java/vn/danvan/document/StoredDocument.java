package vn.danvan.document;

import java.time.Instant;

/**
 * A stored document without its content (read that with {@link DocumentService#content}).
 * Process variables hold only its {@link #id()}.
 *
 * @param number the sequential number in the unit's register for {@code year}
 * @param symbol the document symbol after the number, e.g. {@code QĐ-UBND}
 * @param sha256 lower-case hex SHA-256 of the current content
 * @param signedAt when the signed content was stored, null while a draft
 */
public record StoredDocument(String id, String unit, String caseRef, DocumentKind kind, String register,
    int number, String symbol, int year, String title, DocumentState state, String sha256,
    Instant createdAt, Instant updatedAt, Instant signedAt) {

  /** The number line of the header, {@code "Số: 15/QĐ-UBND"}. */
  public String numberLine() {
    return DocumentFormats.numberLine(number, symbol);
  }

  StoredDocument signed(String newSha256, Instant at) {
    return new StoredDocument(id, unit, caseRef, kind, register, number, symbol, year, title, DocumentState.SIGNED,
        newSha256, createdAt, at, at);
  }
}
