package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresIntegrationTest;
import vn.danvan.support.QrReader;

/** {@code GET /api/documents/{id}}: the unit's officials and auditors read it, everyone else sees nothing. */
@PostgresIntegrationTest
class DocumentApiIT {

  @LocalServerPort int port;
  @Autowired DocumentService documents;
  Http http;
  StoredDocument document;

  @BeforeEach
  void donghaDocument() {
    http = new Http(port);
    document = documents.create(DocumentRequest.of("dongha", "api-case", DocumentKind.RECEIPT, SampleDocuments.allFields())
        .issuedOn(LocalDate.of(2026, 11, 22)));
  }

  private HttpResponse<byte[]> pdf(String id, String user) throws Exception {
    return HttpClient.newHttpClient().send(http.request("/api/documents/" + id, user).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void officialOfTheUnitGetsThePdfInline() throws Exception {
    HttpResponse<byte[]> answer = pdf(document.id(), "dongha.officer");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("inline").contains("filename=\"dongha-" + String.format("%02d", document.number()) + "-GTN-UBND-2026.pdf\""));
    assertThat(DocumentService.sha256(answer.body())).isEqualTo(document.sha256());
  }

  @Test
  void theReceiptsQrCodeLeadsToTheConfiguredStatusPageWhateverTheCallerSent() throws Exception {
    // the request's own "statusUrl" (https://motcua.example.vn/...) is ignored: the system makes the link
    HttpResponse<byte[]> answer = pdf(document.id(), "dongha.officer");
    assertThat(QrReader.read(answer.body(), 0))
        .isEqualTo("http://localhost:8080/tra-cuu.html?ma=000.00.31.H48-261122-0001");
  }

  @Test
  void officialOfAnotherUnitGets404() throws Exception {
    HttpResponse<byte[]> answer = pdf(document.id(), "camlo.officer");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(http.get("/api/documents/" + document.id() + "/meta", "camlo.chairman").status()).isEqualTo(404);
  }

  @Test
  void unknownIdLooksTheSameAsAForeignDocument() {
    Http.Answer unknown = http.get("/api/documents/00000000-0000-0000-0000-000000000000", "dongha.officer");
    Http.Answer foreign = http.get("/api/documents/" + document.id(), "camlo.officer");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body());
    assertThat(unknown.json().path("error").asText()).isEqualTo("Document not found");
  }

  @Test
  void auditorOfTheProvinceGetsIt() throws Exception {
    assertThat(pdf(document.id(), "quangtri.auditor").statusCode()).isEqualTo(200);
  }

  @Test
  void memberOfTheProvinceWithoutTheUnitGets404() throws Exception {
    assertThat(pdf(document.id(), "quangtri.owner").statusCode()).isEqualTo(404);
    assertThat(pdf(document.id(), "quangtri.chairman").statusCode()).isEqualTo(404);
  }

  @Test
  void administratorGetsIt() throws Exception {
    assertThat(pdf(document.id(), "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutCredentials401() {
    Http.Answer answer = http.get("/api/documents/" + document.id());
    assertThat(answer.status()).isEqualTo(401);
    assertThat(http.get("/api/documents/" + document.id() + "/meta").status()).isEqualTo(401);
  }

  @Test
  void metaTellsNumberStateAndHashWithoutContent() {
    Http.Answer answer = http.get("/api/documents/" + document.id() + "/meta", "dongha.specialist");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode meta = answer.json();
    assertThat(meta.path("id").asText()).isEqualTo(document.id());
    assertThat(meta.path("kind").asText()).isEqualTo("RECEIPT");
    assertThat(meta.path("unit").asText()).isEqualTo("dongha");
    assertThat(meta.path("number").asInt()).isEqualTo(document.number());
    assertThat(meta.path("symbol").asText()).isEqualTo("GTN-UBND");
    assertThat(meta.path("numberLine").asText()).isEqualTo(document.numberLine());
    assertThat(meta.path("state").asText()).isEqualTo("DRAFT");
    assertThat(meta.path("sha256").asText()).isEqualTo(document.sha256());
    assertThat(meta.path("createdAt").asText()).isNotBlank();
    assertThat(meta.has("content")).isFalse();
  }
}
