package vn.danvan.document;

import java.util.List;
import java.util.Objects;

/**
 * The data of one kind of document, read from its YAML resource: which register numbers it and
 * with what symbol, and its text with {@code {placeholders}}.
 *
 * @param register the numbering register ({@code QĐ}, {@code TB}, …); kinds may share one
 * @param symbol what follows the number ({@code QĐ-UBND})
 * @param subject the line under the title (trích yếu), or null
 * @param body one paragraph per line; a line starting with {@code "# "} is a centred bold heading
 * @param signer the block on the right: capacity lines, then the signer's name below the signature
 * @param counterSigner a second signature block on the left (a record signed by both sides), or null
 * @param recipients the "Nơi nhận:" lines on the left, empty for none
 * @param qr the text of a QR code printed under the signatures with its caption (the dossier's public
 *     status link, {@code "{statusUrl}"}), or null for none
 */
record DocumentTemplate(DocumentKind kind, String register, String symbol, String title, String subject,
    List<String> body, SignatureBlock signer, SignatureBlock counterSigner, List<String> recipients, QrCode qr) {

  DocumentTemplate {
    Objects.requireNonNull(kind, "kind");
    require(register, "register", kind);
    require(symbol, "symbol", kind);
    require(title, "title", kind);
    Objects.requireNonNull(signer, kind + " template: missing 'signer'");
    body = List.copyOf(body);
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    if (body.isEmpty()) {
      throw new IllegalStateException(kind + " template: empty 'body'");
    }
  }

  /** A QR code: what it encodes and the caption printed beside it (placeholders allowed in both). */
  record QrCode(String text, String caption) {
    QrCode {
      if (text == null || text.isBlank()) {
        throw new IllegalStateException("'qr' needs a 'text'");
      }
    }
  }

  /** Capacity lines ({@code "TM. ỦY BAN NHÂN DÂN"}, {@code "CHỦ TỊCH"}) and the name under the signature. */
  record SignatureBlock(List<String> lines, String name) {
    SignatureBlock {
      lines = List.copyOf(lines);
    }
  }

  private static void require(String value, String key, DocumentKind kind) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(kind + " template: missing '" + key + "'");
    }
  }
}
