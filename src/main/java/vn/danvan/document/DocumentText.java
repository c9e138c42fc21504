package vn.danvan.document;

import java.util.List;

/**
 * Everything a document says, placeholders filled and normalized to NFC, ready to be laid out:
 * header, title, body paragraphs, signature blocks, recipients and an optional QR code.
 */
record DocumentText(Issuer issuer, String numberLine, String dateLine, String title, String subject,
    List<Paragraph> body, Block signer, Block counterSigner, List<String> recipients, Qr qr) {

  DocumentText {
    body = List.copyOf(body);
    recipients = List.copyOf(recipients);
  }

  /** One paragraph of the body: running text, or a centred bold heading ("QUYẾT ĐỊNH:"). */
  record Paragraph(String text, boolean heading) {}

  /** A QR code encoding {@code text}, with a caption beside it (null for none). */
  record Qr(String text, String caption) {}

  /** A signature block: capacity lines above the signature, the name below it. */
  record Block(List<String> lines, String name) {
    Block {
      lines = List.copyOf(lines);
    }
  }
}
