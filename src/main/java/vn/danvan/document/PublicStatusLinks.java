package vn.danvan.document;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link to a dossier's public status page ({@code /tra-cuu.html?ma=<code>}) that documents print
 * as a QR code, under the configured public address of the system ({@code danvan.notify.public-base-url}, env {@code DANVAN_PUBLIC_BASE_URL}, the same as the status links of messages).
 * The link holds the dossier code only: the page still asks for the last four digits of the phone,
 * so a photographed receipt tells a stranger nothing more than the code itself.
 */
@Component
public class PublicStatusLinks {

  /** The field a template uses for the link ({@code qr.text: "{statusUrl}"}); always filled here, never by a caller. */
  static final String FIELD = "statusUrl";
  static final String PAGE = "/tra-cuu.html?ma=";

  private final String base;

  PublicStatusLinks(@Value("${danvan.notify.public-base-url:http://localhost:8080}") String base) {
    this.base = checked(base);
  }

  /** The status page of the dossier with this code. */
  public String statusUrl(String dossierCode) {
    return base + PAGE + URLEncoder.encode(dossierCode, StandardCharsets.UTF_8);
  }

  private static String checked(String base) {
    String trimmed = base == null ? "" : base.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("danvan.notify.public-base-url is not a URL: '" + base + "'", e);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalStateException("danvan.notify.public-base-url must be an http(s) address without query or fragment,"
          + " e.g. https://motcua.quangtri.gov.vn, not '" + base + "'");
    }
    return trimmed;
  }
}
