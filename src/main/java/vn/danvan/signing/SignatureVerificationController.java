package vn.danvan.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.config.BadRequestException;
import vn.danvan.config.UnprocessableException;

/**
 * {@code POST /api/signatures/verify}: anyone uploads a PDF (multipart field {@code file}) and gets
 * the report of its signatures. Public: no login, nothing is stored. Bounded: rate-limited per
 * client address ({@code publicapi.PublicRateLimitFilter}), uploads of at most 20 MB, at most
 * {@code danvan.signing.verify.max-concurrent} at once ({@link VerificationGate}), and what PDFBox
 * decodes per file capped ({@link DecodeBudget}).
 */
@RestController
class SignatureVerificationController {

  static final String FIELD = "file";

  private final SignatureVerifier verifier;
  private final VerificationGate gate;

  SignatureVerificationController(SignatureVerifier verifier, VerificationGate gate) {
    this.verifier = verifier;
    this.gate = gate;
  }

  @PostMapping("/api/signatures/verify")
  Response verify(@RequestParam(FIELD) MultipartFile file) {
    // the permit first: a refused request never reads its upload into memory
    try (VerificationGate.Permit permit = gate.enter()) {
      byte[] pdf;
      try {
        pdf = file.getBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      VerificationReport report;
      try {
        report = verifier.verify(pdf);
      } catch (InvalidPdfException e) {
        throw new BadRequestException(FIELD, "The file is not a readable PDF document");
      }
      if (!report.signed()) {
        throw new UnprocessableException(FIELD, "The PDF document carries no digital signature");
      }
      return new Response(report.valid(), report.documentSha256(), report.signatures().stream().map(Signature::of).toList());
    }
  }

  @ExceptionHandler(VerificationRefusedException.class)
  ResponseEntity<Refusal> refused(VerificationRefusedException e) {
    var answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
    if (e.retryAfterSeconds() > 0) {
      answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    return answer.body(new Refusal(e.getMessage(), FIELD, e.reason(), e.decodedBytes(), e.decodeLimitBytes()));
  }

  /** The JSON answer: the verdict on the whole document, then each signature in signing order. */
  record Response(boolean valid, String documentSha256, List<Signature> signatures) {}

  /**
   * A refusal before any verdict: like {@code ApiError}, with a stable {@code reason} code
   * ({@code DECODE_LIMIT}, {@code BUSY}) and, for a decode limit, how far decoding went.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Refusal(String error, String field, String reason, Long decodedBytes, Long decodeLimitBytes) {}

  record Signature(String signer, String organization, String issuer, OffsetDateTime signingTime, String reason,
      String location, boolean valid, boolean integrity, boolean trusted, boolean coversWholeDocument,
      OffsetDateTime validationTime, boolean timestamped, boolean certificateExpired, String revocation,
      OffsetDateTime revokedAt, List<String> problems) {

    static Signature of(SignatureReport r) {
      return new Signature(r.signer(), r.organization(), r.issuer(), r.signingTime(), r.reason(), r.location(),
          r.valid(), r.integrity(), r.trusted(), r.coversWholeDocument(), r.validationTime(), r.timestamped(),
          r.certificateExpired(), r.revocation(), r.revokedAt(), r.problems());
    }
  }
}
