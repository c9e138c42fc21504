package vn.danvan.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentState;
import vn.danvan.document.StoredDocument;
import vn.danvan.identity.UnitNames;

/**
 * Signs a stored document of a unit: the approving leader where a personal certificate is
 * configured for them, then the unit as organisation (the seal). Signing is idempotent: a document
 * that is already signed is returned as it is, so re-running a failed or repeated signing step
 * never signs twice, and the document's number was fixed when it was created.
 */
@Service
public class DocumentSigningService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentSigningService.class);

  private final DocumentService documents;
  private final PdfSigner signer;
  private final UnitNames units;

  DocumentSigningService(DocumentService documents, PdfSigner signer, UnitNames units) {
    this.documents = documents;
    this.signer = signer;
    this.units = units;
  }

  /**
   * @param unit the unit the case belongs to; a document of another unit is refused
   * @param leaderUserId the approving leader, required for {@link SignerRole#LEADER_AND_UNIT}
   */
  @Transactional
  public StoredDocument sign(String documentId, String unit, SignerRole role, String leaderUserId, String reason) {
    return sign(documentId, null, unit, role, leaderUserId, reason);
  }

  /** As {@link #sign(String, String, SignerRole, String, String)}, refusing a document of another kind than expected. */
  @Transactional
  public StoredDocument sign(String documentId, DocumentKind expectedKind, String unit, SignerRole role,
      String leaderUserId, String reason) {
    StoredDocument document = documents.find(documentId)
        .orElseThrow(() -> new IllegalArgumentException("No document " + documentId));
    if (expectedKind != null && !document.kind().equals(expectedKind)) {
      throw new IllegalArgumentException("Document " + documentId + " is a " + document.kind() + ", not a " + expectedKind);
    }
    if (!document.unit().equals(unit)) {
      throw new IllegalArgumentException("Document " + documentId + " belongs to unit " + document.unit()
          + ", not to " + unit);
    }
    if (document.state() == DocumentState.SIGNED) {
      LOG.info("Document {} is already signed; nothing to do", documentId);
      return document;
    }
    byte[] content = documents.content(documentId).orElseThrow();
    SignatureDetails details = SignatureDetails.of(reason, units.nameOrId(unit));
    byte[] signed = switch (role) {
      case LEADER_AND_UNIT -> {
        if (leaderUserId == null || leaderUserId.isBlank()) {
          throw new IllegalArgumentException("Signing as leader and unit needs the approving leader's user id");
        }
        yield signer.signAsLeaderAndUnit(content, leaderUserId, unit, details);
      }
      case UNIT -> signer.signAsUnit(content, unit, details);
    };
    StoredDocument result = documents.markSigned(documentId, signed);
    LOG.info("Signed document {} ({}) of unit {} as {}", documentId, result.numberLine(), unit, role);
    return result;
  }

}
