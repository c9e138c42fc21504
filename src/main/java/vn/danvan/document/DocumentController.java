package vn.danvan.document;

import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.config.ApiError;
import vn.danvan.identity.UnitAccess;

/**
 * {@code GET /api/documents/{id}} (the PDF) and {@code GET /api/documents/{id}/meta} (its number,
 * state and SHA-256) for the officials and auditors of the document's unit. Anyone else gets the
 * same 404 as for an unknown id, so the API does not reveal which documents exist.
 */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

  private final DocumentService documents;
  private final IdentityService identity;

  DocumentController(DocumentService documents, IdentityService identity) {
    this.documents = documents;
    this.identity = identity;
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    StoredDocument document = readable(id);
    byte[] content = documents.content(id).orElseThrow(DocumentNotFoundException::new);
    String fileName = DocumentFormats.ascii(document.unit() + "-" + DocumentFormats.reference(document.number(),
        document.symbol()) + "-" + document.year()) + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .header("X-Content-SHA256", document.sha256())
        .body(content);
  }

  @GetMapping("/{id}/meta")
  DocumentMeta meta(@PathVariable String id) {
    return DocumentMeta.of(readable(id));
  }

  @ExceptionHandler(DocumentNotFoundException.class)
  ResponseEntity<ApiError> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of("Document not found"));
  }

  private StoredDocument readable(String id) {
    return documents.find(id)
        .filter(d -> UnitAccess.mayRead(identity.getCurrentAuthentication(), d.unit()))
        .orElseThrow(DocumentNotFoundException::new);
  }

  /** What the meta endpoint tells: everything but the content. */
  record DocumentMeta(String id, String unit, String caseRef, DocumentKind kind, String register, int number,
      String symbol, int year, String numberLine, String title, DocumentState state, String sha256,
      Instant createdAt, Instant updatedAt, Instant signedAt) {

    static DocumentMeta of(StoredDocument d) {
      return new DocumentMeta(d.id(), d.unit(), d.caseRef(), d.kind(), d.register(), d.number(), d.symbol(), d.year(),
          d.numberLine(), d.title(), d.state(), d.sha256(), d.createdAt(), d.updatedAt(), d.signedAt());
    }
  }

  /** Unknown, or not the caller's to read: the same answer. */
  static class DocumentNotFoundException extends RuntimeException {
    DocumentNotFoundException() {
      super(null, null, false, false);
    }
  }
}
