package vn.danvan.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.config.BadRequestException;

/**
 * Issues and keeps the PDF documents of cases: numbers them in the unit's register, renders them
 * from their template, stores them with their SHA-256, and takes back their signed version.
 * Called from delegates (inside the engine's transaction) and from the document API.
 */
@Service
public class DocumentService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private final DocumentTemplates templates;
  private final UnitDirectory units;
  private final DocumentNumbering numbering;
  private final DocumentPdfRenderer renderer;
  private final DocumentRepository repository;
  private final Signatories signatories;
  private final PublicStatusLinks links;

  DocumentService(DocumentTemplates templates, UnitDirectory units, DocumentNumbering numbering,
      DocumentPdfRenderer renderer, DocumentRepository repository, Signatories signatories, PublicStatusLinks links) {
    this.signatories = signatories;
    this.links = links;
    this.templates = templates;
    this.units = units;
    this.numbering = numbering;
    this.renderer = renderer;
    this.repository = repository;
  }

  /**
   * Numbers, renders and stores a new DRAFT document, all in one transaction (the caller's, if
   * any): if it rolls back, the number is free again.
   *
   * @throws MissingDocumentFieldException if the template needs a field the request lacks (no
   *     number is taken)
   * @throws BadRequestException if the unit does not exist, or (field {@code signer}) the
   *     request's signer holds no position in it
   */
  /**
   * Refuses, as {@link #create} would, a signer who holds no position in the unit: a step whose
   * signed document is drawn up later, by an asynchronous job, refuses the request now instead.
   *
   * @throws BadRequestException (field {@code signer}) if the user holds no position in the unit
   */
  public void checkSigner(String unit, String userId) {
    signatories.official(unit, userId);
  }

  @Transactional
  public StoredDocument create(DocumentRequest request) {
    DocumentTemplate template = templates.forKind(request.kind());
    Issuer issuer = request.issuer() != null ? request.issuer() : units.issuer(request.unit());
    if (request.issuer() != null && (request.unit() == null || request.unit().isBlank())) {
      throw new BadRequestException("unit", "A document needs the unit that issues it");
    }
    LocalDate issuedOn = request.issuedOn() != null ? request.issuedOn() : LocalDate.now(VietnamTime.ZONE);
    Map<String, String> fields = request.signer() == null ? request.fields()
        : signatories.withSigner(request.unit(), request.signer(), request.fields());
    if (template.qr() != null) {
      fields = withStatusUrl(fields);
    }
    DocumentText text = DocumentComposer.compose(template, fields, issuer, issuedOn);

    int number = numbering.next(request.unit(), template.register(), issuedOn.getYear());
    byte[] pdf = renderer.render(DocumentComposer.numbered(text, number, template.symbol()));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), request.unit(), request.caseRef(),
        request.kind(), template.register(), number, template.symbol(), issuedOn.getYear(), text.title(),
        DocumentState.DRAFT, sha256(pdf), now, now, null);
    repository.insert(document, pdf);
    LOG.info("Created document {} {} {} of unit {}", document.id(), request.kind(),
        DocumentFormats.reference(number, template.symbol()), request.unit());
    return document;
  }

  /**
   * The fields with the dossier's status link computed from its code: a caller cannot choose where a
   * printed QR code leads. Without a dossier code the link stays missing and the template's own
   * {@code {dossierCode}} names what is missing.
   */
  private Map<String, String> withStatusUrl(Map<String, String> fields) {
    Map<String, String> withLink = new HashMap<>(fields);
    String code = fields.get("dossierCode");
    if (code == null || code.isBlank()) {
      withLink.remove(PublicStatusLinks.FIELD);
    } else {
      withLink.put(PublicStatusLinks.FIELD, links.statusUrl(code.strip()));
    }
    return withLink;
  }

  /**
   * The PDF a request would give, marked as a draft ("DỰ THẢO") and without a number: rendered,
   * not stored, no number taken, nothing signed. What an approver reads before approving; the
   * document itself is created (numbered, stored, signed) only after the approval.
   *
   * @throws MissingDocumentFieldException if the template needs a field the request lacks
   * @throws BadRequestException as {@link #create}, for an unknown unit or a signer without position
   */
  @Transactional(readOnly = true)
  public byte[] preview(DocumentRequest request) {
    DocumentTemplate template = templates.forKind(request.kind());
    Issuer issuer = request.issuer() != null ? request.issuer() : units.issuer(request.unit());
    LocalDate issuedOn = request.issuedOn() != null ? request.issuedOn() : LocalDate.now(VietnamTime.ZONE);
    Map<String, String> linked = withStatusUrl(request.fields());
    Map<String, String> fields = request.signer() == null ? linked
        : signatories.withSigner(request.unit(), request.signer(), linked);
    DocumentText text = DocumentComposer.compose(template, fields, issuer, issuedOn);
    return renderer.render(DocumentComposer.draft(text, template.symbol()));
  }

  /** The document's metadata, if it exists. No access check: callers decide who may see it. */
  @Transactional(readOnly = true)
  public Optional<StoredDocument> find(String id) {
    return id == null ? Optional.empty() : repository.find(id);
  }

  /** The documents of a case, oldest first. */
  @Transactional(readOnly = true)
  public List<StoredDocument> findByCase(String caseRef) {
    return repository.findByCase(Objects.requireNonNull(caseRef, "caseRef"));
  }

  /** The current PDF bytes: the draft, or the signed version once there is one. */
  @Transactional(readOnly = true)
  public Optional<byte[]> content(String id) {
    return id == null ? Optional.empty() : repository.content(id);
  }

  /**
   * Replaces the draft by its signed PDF and marks it SIGNED. Idempotent for a re-run signing
   * step: a document that is already SIGNED is returned unchanged and {@code signedPdf} ignored.
   *
   * @throws IllegalArgumentException if no document has this id or {@code signedPdf} is not a PDF
   */
  @Transactional
  public StoredDocument markSigned(String id, byte[] signedPdf) {
    StoredDocument stored = repository.findForUpdate(id)
        .orElseThrow(() -> new IllegalArgumentException("No document with id " + id));
    if (stored.state() == DocumentState.SIGNED) {
      return stored;
    }
    if (signedPdf == null || signedPdf.length < PDF_MAGIC.length
        || !Arrays.equals(signedPdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
      throw new IllegalArgumentException("The signed content of document " + id + " is not a PDF");
    }
    StoredDocument signed = stored.signed(sha256(signedPdf), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    repository.updateSigned(signed, signedPdf);
    LOG.info("Stored signed version of document {}", id);
    return signed;
  }

  /** Lower-case hex SHA-256, as stored with every document. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
