package vn.danvan.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a template with the request's fields and the issuer's names. Besides the request's fields,
 * templates may use {@code {unitName}} ("phường Đông Hà"), {@code {unitNameUpper}} ("PHƯỜNG ĐÔNG
 * HÀ") and {@code {place}} ("Đông Hà"). A field value with several lines gives several paragraphs.
 */
final class DocumentComposer {

  private DocumentComposer() {}

  /**
   * The text of a document. The number line is left out (null) until a number is allocated, so a
   * request with a missing field fails before it consumes a number.
   */
  static DocumentText compose(DocumentTemplate template, Map<String, String> fields, Issuer issuer, LocalDate issuedOn) {
    Map<String, String> values = new HashMap<>();
    values.put("unitName", issuer.unitName());
    values.put("unitNameUpper", DocumentFormats.upper(issuer.unitName()));
    values.put("place", issuer.place());
    fields.forEach((k, v) -> values.put(k, v == null ? null : DocumentFormats.nfc(v)));
    DocumentKind kind = template.kind();

    List<DocumentText.Paragraph> body = new ArrayList<>();
    for (String line : template.body()) {
      boolean heading = line.startsWith("# ");
      String filled = Placeholders.fill(heading ? line.substring(2) : line, values, kind);
      filled.lines().map(String::strip).filter(l -> !l.isEmpty())
          .forEach(l -> body.add(new DocumentText.Paragraph(l, heading)));
    }
    return new DocumentText(issuer, null, DocumentFormats.dateLine(issuer.place(), issuedOn),
        fill(template.title(), values, kind), template.subject() == null ? null : fill(template.subject(), values, kind),
        body, block(template.signer(), values, kind), block(template.counterSigner(), values, kind),
        lines(template.recipients(), values, kind), qr(template.qr(), values, kind));
  }

  /** The same text with its number line, once the number is known. */
  static DocumentText numbered(DocumentText text, int number, String symbol) {
    return new DocumentText(text.issuer(), DocumentFormats.numberLine(number, symbol), text.dateLine(), text.title(),
        text.subject(), text.body(), text.signer(), text.counterSigner(), text.recipients(), text.qr());
  }

  /** The same text as a draft: "DỰ THẢO" where the number goes, the number itself left blank. */
  static DocumentText draft(DocumentText text, String symbol) {
    return new DocumentText(text.issuer(), "DỰ THẢO – Số: …/" + symbol, text.dateLine(), text.title(),
        text.subject(), text.body(), text.signer(), text.counterSigner(), text.recipients(), text.qr());
  }

  private static DocumentText.Block block(DocumentTemplate.SignatureBlock block, Map<String, String> values, DocumentKind kind) {
    if (block == null) {
      return null;
    }
    return new DocumentText.Block(lines(block.lines(), values, kind),
        block.name() == null ? null : fill(block.name(), values, kind));
  }

  private static DocumentText.Qr qr(DocumentTemplate.QrCode qr, Map<String, String> values, DocumentKind kind) {
    if (qr == null) {
      return null;
    }
    return new DocumentText.Qr(fill(qr.text(), values, kind), qr.caption() == null ? null : fill(qr.caption(), values, kind));
  }

  private static List<String> lines(List<String> templateLines, Map<String, String> values, DocumentKind kind) {
    List<String> lines = new ArrayList<>();
    for (String line : templateLines) {
      fill(line, values, kind).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
    }
    return lines;
  }

  private static String fill(String text, Map<String, String> values, DocumentKind kind) {
    return DocumentFormats.nfc(Placeholders.fill(text, values, kind));
  }
}
