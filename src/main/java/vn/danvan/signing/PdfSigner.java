package vn.danvan.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs PDF documents with PAdES baseline signatures ({@code ETSI.CAdES.detached}): a leader's
 * personal signature and the unit's organisation signature (its seal). Each signature is an
 * incremental update, so earlier signatures stay valid. Works on bytes only; storing the result is
 * the caller's business. Thread-safe.
 */
public class PdfSigner {

  private static final Logger LOG = LoggerFactory.getLogger(PdfSigner.class);
  /** Room for the CMS signature besides the certificates: signed attributes, an RSA 4096 signature, headers. */
  static final int SIGNATURE_OVERHEAD = 4_096;
  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private final SigningKeys keys;

  public PdfSigner(SigningKeys keys) {
    this.keys = keys;
  }

  /** Whether the leader has a personal keystore ({@code <userId>.p12}). */
  public boolean hasPersonalKey(String userId) {
    return keys.find(userId).isPresent();
  }

  /** Whether the unit has its organisation keystore ({@code <unit>.p12}). */
  public boolean hasUnitKey(String unit) {
    return keys.find(unit).isPresent();
  }

  /**
   * Adds the leader's personal signature.
   *
   * @throws MissingSigningKeyException if the leader has no personal keystore
   * @throws InvalidPdfException if the bytes are not a readable PDF
   */
  public byte[] signAsLeader(byte[] pdf, String userId, SignatureDetails details) {
    SigningKey key = keys.find(userId).orElseThrow(() -> new MissingSigningKeyException(userId,
        "No personal signing key for user " + userId + " (" + userId + SigningKeys.EXTENSION + ")"));
    return sign(pdf, key, details);
  }

  /**
   * Adds the unit's organisation signature (the seal).
   *
   * @throws MissingSigningKeyException if the unit has no keystore
   * @throws InvalidPdfException if the bytes are not a readable PDF
   */
  public byte[] signAsUnit(byte[] pdf, String unit, SignatureDetails details) {
    SigningKey key = keys.find(unit).orElseThrow(() -> new MissingSigningKeyException(unit,
        "No signing key for unit " + unit + " (" + unit + SigningKeys.EXTENSION + ")"));
    return sign(pdf, key, details);
  }

  /**
   * What an approval needs: the leader's personal signature where the leader has a key, then the
   * unit's seal, which covers the whole document. Checks the unit key first, so nothing is signed
   * when the seal cannot follow.
   *
   * @throws MissingSigningKeyException if the unit has no keystore
   * @throws InvalidPdfException if the bytes are not a readable PDF
   */
  public byte[] signAsLeaderAndUnit(byte[] pdf, String userId, String unit, SignatureDetails details) {
    if (!hasUnitKey(unit)) {
      throw new MissingSigningKeyException(unit, "No signing key for unit " + unit + " (" + unit + SigningKeys.EXTENSION + ")");
    }
    byte[] signed = userId != null && hasPersonalKey(userId) ? signAsLeader(pdf, userId, details) : pdf;
    return signAsUnit(signed, unit, details);
  }

  private byte[] sign(byte[] pdf, SigningKey key, SignatureDetails details) {
    long start = System.nanoTime();
    try (PDDocument document = load(pdf); SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(key.signerName());
      signature.setReason(details.reason());
      signature.setLocation(details.location());
      signature.setSignDate(GregorianCalendar.from(ZonedDateTime.ofInstant(details.signingTimeOrNow(), ZONE)));
      int size = signatureSize(key);
      options.setPreferredSignatureSize(size);
      document.addSignature(signature, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * size + 8192);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      external.setSignature(CadesSignatureFactory.sign(external.getContent(), key));
      LOG.debug("Signed a PDF of {} bytes with key {} in {} ms", pdf.length, key.name(), (System.nanoTime() - start) / 1_000_000);
      return out.toByteArray();
    } catch (IOException e) {
      throw new SigningException("Cannot sign the PDF with key " + key.name() + ": " + e.getMessage(), e);
    }
  }

  /** Bytes reserved for the CMS signature: the embedded chain plus the rest. */
  private static int signatureSize(SigningKey key) {
    int chain = 0;
    for (var certificate : key.chain()) {
      try {
        chain += certificate.getEncoded().length;
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new SigningException("Unreadable certificate of key " + key.name(), e);
      }
    }
    return chain + SIGNATURE_OVERHEAD;
  }

  static PDDocument load(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw new InvalidPdfException("The document is empty", null);
    }
    try {
      return Loader.loadPDF(pdf);
    } catch (IOException e) {
      throw new InvalidPdfException("Not a readable PDF: " + e.getMessage(), e);
    }
  }
}
