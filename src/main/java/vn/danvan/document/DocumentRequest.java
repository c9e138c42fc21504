package vn.danvan.document;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a process asks {@link DocumentService#create} for: a document of a kind for a unit's case,
 * with the values of the template's {@code {placeholders}}.
 *
 * @param unit the unit (tenant id) that issues the document; it is numbered in this unit's registers
 * @param caseRef the case it belongs to (process instance id or business key), may be null
 * @param kind which template
 * @param fields placeholder values by name; a value may hold several lines (one paragraph each)
 * @param issuedOn the date on the document and the year of its number; null means today in Vietnam
 * @param issuer the header's issuing body; null means derived from the unit
 * @param signer the official (user id) who signs for the unit: their name and capacity by their
 *     position in the unit fill {@code {signerName}} and {@code {signerCapacity}}; null when the
 *     fields give the signature block (a receipt signed by the officer at the counter)
 */
public record DocumentRequest(String unit, String caseRef, DocumentKind kind, Map<String, String> fields,
    LocalDate issuedOn, Issuer issuer, String signer) {

  public DocumentRequest {
    Objects.requireNonNull(kind, "kind");
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  /** A document dated today, with the issuer derived from the unit. */
  public static DocumentRequest of(String unit, String caseRef, DocumentKind kind, Map<String, String> fields) {
    return new DocumentRequest(unit, caseRef, kind, fields, null, null, null);
  }

  public DocumentRequest issuedOn(LocalDate date) {
    return new DocumentRequest(unit, caseRef, kind, fields, date, issuer, signer);
  }

  public DocumentRequest issuer(Issuer header) {
    return new DocumentRequest(unit, caseRef, kind, fields, issuedOn, header, signer);
  }

  /** Signed by this official of the unit, in the capacity of their position there. */
  public DocumentRequest signedBy(String userId) {
    return new DocumentRequest(unit, caseRef, kind, fields, issuedOn, issuer, userId);
  }
}
