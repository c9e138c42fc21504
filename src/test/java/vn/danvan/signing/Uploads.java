package vn.danvan.signing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.danvan.support.Http;

/** Multipart uploads of a PDF to {@code POST /api/signatures/verify}, as the public page sends them. */
final class Uploads {

  static final String PATH = "/api/signatures/verify";

  private Uploads() {}

  static Http.Answer verify(Http http, byte[] pdf) {
    String boundary = "danvan-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"van-ban.pdf\""
        + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(http.request(PATH, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }
}
