package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * {@code GET/PUT /api/units/{code}} over HTTP on PostgreSQL: administrators replace a unit's
 * parent and officials, every refusal names its field and writes nothing, other users are refused
 * (403 to write, 404 to read another unit), and a change reaches {@link UnitOfficials}, which
 * documents and escalation read.
 */
class UnitApiIT extends RunningApplicationTest {

  static final String ADMIN = "demo";
  static final String DONGHA = """
      {"parent":"quangtri","chairman":{"userId":"dongha.chairman","title":"Chủ tịch UBND phường"},
       "viceChairmen":[{"userId":"dongha.vicechair","title":"Phó Chủ tịch UBND phường"}],
       "agencyCode":"000.00.31.H48"}""";

  @Autowired UnitOfficials officials;

  @Test
  void theUnitsOfficialsAndAuditorsReadItOthersDoNot() {
    for (String reader : new String[] {ADMIN, "dongha.officer", "dongha.vicechair", "quangtri.auditor"}) {
      Http.Answer answer = http.get("/api/units/dongha", reader);
      assertThat(answer.status()).as(reader).isEqualTo(200);
      JsonNode unit = answer.json();
      assertThat(unit.path("parent").asText()).isEqualTo("quangtri");
      assertThat(unit.path("chairman").path("userId").asText()).isEqualTo("dongha.chairman");
      assertThat(unit.path("chairman").path("title").asText()).isEqualTo("Chủ tịch UBND phường");
      assertThat(unit.path("viceChairmen").findValuesAsText("userId")).containsExactly("dongha.vicechair");
      assertThat(unit.path("agencyCode").asText()).isEqualTo("000.00.31.H48");
    }
    // another unit's official: the same 404 as an unknown unit; no credentials: 401
    assertThat(http.get("/api/units/dongha", "camlo.officer").status()).isEqualTo(404);
    assertThat(http.get("/api/units/nowhere", ADMIN).status()).isEqualTo(404);
    assertThat(http.get("/api/units/dongha").status()).isEqualTo(401);
  }

  @Test
  void onlyAdministratorsChangeAUnit() {
    String change = DONGHA.replace("dongha.chairman", "dongha.vicechair").replace(
        "[{\"userId\":\"dongha.vicechair\",\"title\":\"Phó Chủ tịch UBND phường\"}]", "[]");
    for (String user : new String[] {"dongha.chairman", "dongha.officer", "quangtri.auditor", "quangtri.owner"}) {
      Http.Answer answer = put("/api/units/dongha", user, change);
      assertThat(answer.status()).as(user + ": " + answer.body()).isEqualTo(403);
    }
    assertThat(put("/api/units/dongha", null, change).status()).isEqualTo(401);
    assertThat(officials.chairman("dongha")).contains("dongha.chairman");
    assertThat(put("/api/units/nowhere", ADMIN, DONGHA).status()).isEqualTo(404);
  }

  @Test
  void refusalsNameTheFieldAndChangeNothing() {
    String before = http.get("/api/units/dongha", ADMIN).body();
    refused("""
        {"parent":"quangtri","chairman":{"userId":"nobody"}}""", "chairman.userId");
    refused("""
        {"parent":"quangtri","chairman":{"userId":"dongha.chairman"},"viceChairmen":[{"userId":"camlo.vicechair"}]}""",
        "viceChairmen[0].userId");
    refused("""
        {"parent":"quangtri","chairman":{"userId":"dongha.chairman"},"actingChairman":{"userId":"dongha.officer"}}""",
        "actingChairman.userId");
    refused("""
        {"parent":"hanoi","chairman":{"userId":"dongha.chairman"}}""", "parent");
    refused("""
        {"parent":"dongha"}""", "parent");
    refused("""
        {"parent":"quangtri","chairman":{"userId":"dongha.chairman"},"contactPhone":"không có"}""", "contactPhone");
    refused("""
        {"parent":"quangtri","chairman":{"userId":"dongha.chairman"},"agencyCode":"000.00.31"}""", "agencyCode");
    refused("""
        {"parent":"quangtri","chairman":{"userId":"dongha.chairman"},"agencyCode":"000.00.31.H48-1"}""", "agencyCode");
    // camlo's code: two units with one agency code would issue the same dossier codes
    refused("""
        {"parent":"quangtri","chairman":{"userId":"dongha.chairman"},"agencyCode":"000.00.32.H48"}""", "agencyCode");
    Http.Answer unreadable = put("/api/units/dongha", ADMIN, "{\"viceChairmen\":\"dongha.vicechair\"}");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(http.get("/api/units/dongha", ADMIN).body()).isEqualTo(before);
    assertThat(officials.position("dongha", "dongha.vicechair")).contains(OfficialPosition.VICE_CHAIRMAN);
  }

  @Test
  void anAdministratorAppointsAnActingChairmanWhoThenHeadsTheUnit() {
    try {
      Http.Answer answer = put("/api/units/dongha", ADMIN, """
          {"parent":"quangtri","chairman":{"userId":"dongha.chairman","title":"Chủ tịch UBND phường"},
           "actingChairman":{"userId":"dongha.vicechair","title":"Quyền Chủ tịch UBND phường"},
           "contactPhone":"0233 3852 123","agencyCode":"000.00.31.H48"}""");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("contactPhone").asText()).isEqualTo("0233 3852 123");
      assertThat(officials.contactPhone("dongha")).contains("0233 3852 123");
      assertThat(answer.json().path("actingChairman").path("userId").asText()).isEqualTo("dongha.vicechair");
      assertThat(answer.json().path("viceChairmen")).isEmpty();
      assertThat(officials.position("dongha", "dongha.vicechair")).contains(OfficialPosition.ACTING_CHAIRMAN);
      assertThat(officials.head("dongha")).contains("dongha.vicechair");
      assertThat(http.get("/api/units/dongha", "dongha.officer").json().path("actingChairman").path("title").asText())
          .isEqualTo("Quyền Chủ tịch UBND phường");
    } finally {
      assertThat(put("/api/units/dongha", ADMIN, DONGHA).status()).isEqualTo(200);
    }
    assertThat(officials.position("dongha", "dongha.vicechair")).contains(OfficialPosition.VICE_CHAIRMAN);
    assertThat(officials.head("dongha")).contains("dongha.chairman");
  }

  private void refused(String body, String field) {
    Http.Answer answer = put("/api/units/dongha", ADMIN, body);
    assertThat(answer.status()).as(body + " → " + answer.body()).isEqualTo(400);
    assertThat(answer.json().path("field").asText()).isEqualTo(field);
  }

  private Http.Answer put(String path, String user, String json) {
    return http.send(http.request(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }
}
