package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresIntegrationTest;

/** {@code POST /api/signatures/verify} on the whole application: public, JSON answers, never a 500. */
@PostgresIntegrationTest
class SignatureVerificationIT {

  static final String PATH = "/api/signatures/verify";

  @LocalServerPort
  int port;

  @Autowired
  PdfSigner signer;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void verifiesADocumentSignedWithTheDemoKeysWithoutLogin() {
    byte[] signed = signer.signAsLeaderAndUnit(TestPdfs.simple(), "dongha.chairman", "dongha",
        SignatureDetails.of("Phê duyệt kết quả giải quyết thủ tục hành chính", "Phường Đông Hà"));

    Http.Answer answer = upload("file", "ket-qua.pdf", signed);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("documentSha256").asText()).isEqualTo(SignatureVerifier.sha256(signed));
    assertThat(json.get("signatures")).hasSize(2);
    JsonNode seal = json.get("signatures").get(1);
    assertThat(seal.get("signer").asText()).isEqualTo("Phường Đông Hà");
    assertThat(seal.get("issuer").asText()).isEqualTo("danvan Demo Root CA");
    assertThat(seal.get("integrity").asBoolean()).isTrue();
    assertThat(seal.get("trusted").asBoolean()).isTrue();
    assertThat(seal.get("coversWholeDocument").asBoolean()).isTrue();
    assertThat(seal.get("reason").asText()).isEqualTo("Phê duyệt kết quả giải quyết thủ tục hành chính");
    assertThat(seal.get("signingTime").asText()).endsWith("+07:00");
    assertThat(json.get("signatures").get(0).get("signer").asText()).isEqualTo("Lê Văn Minh");
  }

  @Test
  void reportsATamperedDocumentAsInvalid() {
    byte[] signed = signer.signAsUnit(TestPdfs.simple(), "camlo", SignatureDetails.of("Phê duyệt", "Xã Cam Lộ"));
    signed[TestPdfs.indexOf(signed, TestPdfs.TEXT)] = 'X';

    Http.Answer answer = upload("file", "sua.pdf", signed);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("valid").asBoolean()).isFalse();
    assertThat(answer.json().get("signatures").get(0).get("integrity").asBoolean()).isFalse();
  }

  @Test
  void refusesAFileThatIsNotAPdfWith400() {
    Http.Answer answer = upload("file", "note.pdf", "Không phải PDF".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("file");
    assertThat(answer.json().get("error").asText()).contains("not a readable PDF");
  }

  @Test
  void answersAnUnsignedPdfWith422() {
    Http.Answer answer = upload("file", "unsigned.pdf", TestPdfs.simple());

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().get("field").asText()).isEqualTo("file");
    assertThat(answer.json().get("error").asText()).contains("no digital signature");
  }

  @Test
  void refusesAFileOverTheSizeLimitWith413AndJson() {
    byte[] large = new byte[21 * 1024 * 1024];

    Http.Answer answer = upload("file", "large.pdf", large);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("error").asText()).contains("20 MB");
  }

  @Test
  void refusesARequestWithoutTheFilePartWith400() {
    Http.Answer answer = upload("document", "x.pdf", TestPdfs.simple());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("file");
  }

  @Test
  void servesThePublicVerificationPage() {
    Http.Answer page = http.get("/verify.html");

    assertThat(page.status()).isEqualTo(200);
    // The page's script is a file of its own (the Content-Security-Policy allows no inline scripts).
    assertThat(page.body()).contains("Kiểm tra chữ ký số").contains("<script src=\"verify.js\">");
    assertThat(http.get("/verify.js").body()).contains(PATH);
  }

  private Http.Answer upload(String field, String fileName, byte[] content) {
    String boundary = "danvan-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(http.request(PATH, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }
}
