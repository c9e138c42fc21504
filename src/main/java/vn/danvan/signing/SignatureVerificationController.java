package vn.danvan.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.config.BadRequestException;
import vn.danvan.config.UnprocessableException;

/**
 * {@code POST /api/signatures/verify}: anyone uploads a PDF (multipart field {@code file}) and gets
 * the report of its signatures. Public: no login, nothing is stored.
 */
@RestController
class SignatureVerificationController {

  static final String FIELD = "file";

  private final SignatureVerifier verifier;

  SignatureVerificationController(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  @PostMapping("/api/signatures/verify")
  Response verify(@RequestParam(FIELD) MultipartFile file) {
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

  /** The JSON answer: the verdict on the whole document, then each signature in signing order. */
  record Response(boolean valid, String documentSha256, List<Signature> signatures) {}

  record Signature(String signer, String organization, String issuer, OffsetDateTime signingTime, String reason,
      String location, boolean valid, boolean integrity, boolean trusted, boolean coversWholeDocument,
      List<String> problems) {

    static Signature of(SignatureReport r) {
      return new Signature(r.signer(), r.organization(), r.issuer(), r.signingTime(), r.reason(), r.location(),
          r.valid(), r.integrity(), r.trusted(), r.coversWholeDocument(), r.problems());
    }
  }
}
