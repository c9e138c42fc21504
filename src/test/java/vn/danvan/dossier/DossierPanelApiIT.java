package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.Poppler;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;
import vn.danvan.support.Webapp;

/**
 * The endpoints behind the Tasklist plugin ({@link DossierPanelController}) over real HTTP, with
 * HTTP Basic and with a real Tasklist login session: the steps of a dossier with their deadline
 * state, the draft result before the approval (pdftotext reads it), the officer's recent receipts;
 * another unit and roles that do not work on dossiers get 404, no credentials 401, auditors read.
 * And the session rule of {@code /api}: a changing request needs the session's CSRF token.
 */
class DossierPanelApiIT extends RunningApplicationTest {

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  static final String NEW_DOSSIER = ProcedureSamples.apiBody("""
      {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"Đinh Thị Hạnh","idNumber":"045201007777",
       "phone":"0912000777","channel":"COUNTER","documentList":"Bản chính và bản sao giấy tờ"}""");

  @Test
  void theLeaderReadsTheDraftResultBeforeApprovingAndOthersDoNot() throws Exception {
    String code = receivedAndAppraised();
    Http.Answer steps = http.get("/api/dossiers/" + code + "/steps", "dongha.chairman");
    assertThat(steps.status()).as(steps.body()).isEqualTo(200);
    assertThat(steps.json()).hasSize(1);
    assertThat(steps.json().get(0).path("taskKey").asText()).isEqualTo(DossierProcess.TASK_APPROVE);
    assertThat(steps.json().get(0).path("name").asText()).isEqualTo("Phê duyệt kết quả");
    assertThat(steps.json().get(0).path("dueText").asText()).matches("\\d{1,2} giờ \\d\\d, ngày \\d{1,2}/\\d{1,2}/\\d{4}");
    assertThat(steps.json().get(0).path("dueStateLabel").asText()).isIn("Đúng hạn", "Sắp đến hạn", "Quá hạn");

    HttpResponse<byte[]> draft = bytes("/api/dossiers/" + code + "/draft-result", "dongha.chairman");
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(draft.headers().firstValue("Content-Type")).hasValue("application/pdf");
    Path pdf = Files.createTempFile("draft", ".pdf");
    Files.write(pdf, draft.body());
    String text = Poppler.text(pdf);
    assertThat(text).contains("DỰ THẢO", code, "Đinh Thị Hạnh", "Lê Văn Minh");
    // nothing was stored or numbered: the dossier still has its receipt only
    assertThat(http.get("/api/dossiers/" + code, "dongha.chairman").json().path("documents")).hasSize(1);

    assertThat(bytes("/api/dossiers/" + code + "/draft-result", "dongha.specialist").statusCode()).isEqualTo(200);
    assertThat(bytes("/api/dossiers/" + code + "/draft-result", "quangtri.auditor").statusCode()).isEqualTo(200);
    // the same unit, but a role that does not work on dossiers: the draft names the applicant
    assertThat(bytes("/api/dossiers/" + code + "/draft-result", "dongha.mobilizer").statusCode()).isEqualTo(404);
    assertThat(bytes("/api/dossiers/" + code + "/draft-result", "camlo.chairman").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/dossiers/" + code + "/steps", "camlo.chairman").status()).isEqualTo(404);
    assertThat(bytes("/api/dossiers/" + code + "/draft-result", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/dossiers/" + code + "/steps").status()).isEqualTo(401);
    assertThat(http.get("/api/dossiers/" + code + "/steps", "quangtri.auditor").status()).isEqualTo(200);
  }

  @Test
  void thereIsNoDraftBeforeTheAppraisal() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", NEW_DOSSIER);
    String code = received.json().path("code").asText();
    Http.Answer draft = http.get("/api/dossiers/" + code + "/draft-result", "dongha.chairman");
    assertThat(draft.status()).as(draft.body()).isEqualTo(409);
    assertThat(http.get("/api/dossiers/" + code + "/steps", "dongha.chairman").json().get(0).path("taskKey").asText())
        .isEqualTo(DossierProcess.TASK_APPRAISE);
  }

  @Test
  void theOfficerSeesWhatTheyJustReceivedWithTheReceipt() {
    String code = http.postJson("/api/dossiers", "dongha.officer", NEW_DOSSIER).json().path("code").asText();
    Http.Answer recent = http.get("/api/counter/recent", "dongha.officer");
    assertThat(recent.status()).as(recent.body()).isEqualTo(200);
    assertThat(recent.json().path("officer").asBoolean()).isTrue();
    var first = recent.json().path("dossiers").get(0);
    assertThat(first.path("code").asText()).isEqualTo(code);
    assertThat(first.path("procedureName").asText()).isEqualTo("Chứng thực bản sao từ bản chính giấy tờ, văn bản");
    assertThat(first.path("appointmentText").asText()).matches("\\d{1,2} giờ \\d\\d, ngày .*");
    assertThat(first.path("receipt").path("url").asText()).startsWith("/api/documents/");
    // other officials of the unit did not receive it; a camlo officer does not see dongha's
    assertThat(http.get("/api/counter/recent", "dongha.specialist").json().path("officer").asBoolean()).isFalse();
    assertThat(http.get("/api/counter/recent", "dongha.specialist").json().path("dossiers")).isEmpty();
    assertThat(http.get("/api/counter/recent", "camlo.officer").json().path("dossiers").toString()).doesNotContain(code);
    assertThat(http.get("/api/counter/recent").status()).isEqualTo(401);
    Http.Answer bad = http.get("/api/counter/recent?minutes=abc", "dongha.officer");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("minutes");
    assertThat(http.get("/api/counter/recent?minutes=100000", "dongha.officer").status()).isEqualTo(400);
  }

  @Test
  void anIncompleteDossierGivesTheSupplementRequestOnceSigned() {
    ProcessInstance dossier = runtime.startProcessInstanceByKey(DossierProcess.KEY, ProcedureSamples.with(Map.of(
        "unitCode", "camlo", "procedureCode", "CERTIFIED_COPY", "applicantName", "Lý Thị Hoa", "phone", "0905111333",
        "channel", "COUNTER", "documentList", "Bản chính giấy khai sinh", "checkResult", "INCOMPLETE",
        "missingItems", "Bản sao căn cước công dân", "receivingOfficer", "camlo.officer")));
    String code = runtime.createProcessInstanceQuery().processInstanceId(dossier.getId()).singleResult().getBusinessKey();
    var before = received(code);
    assertThat(before.path("receipt").isNull()).isTrue();
    assertThat(before.path("appointmentText").isNull()).as("no appointment before the dossier is complete").isTrue();
    assertThat(before.path("supplementRequest").path("signed").asBoolean()).isFalse();
    management.createJobQuery().processInstanceId(dossier.getId()).activityId(DossierProcess.TASK_SIGN_SUPPLEMENT_REQUEST)
        .list().forEach(job -> management.executeJob(job.getId()));
    var after = received(code);
    assertThat(after.path("supplementRequest").path("signed").asBoolean()).isTrue();
    assertThat(after.path("supplementRequest").path("url").asText()).startsWith("/api/documents/");
  }

  private com.fasterxml.jackson.databind.JsonNode received(String code) {
    for (var d : http.get("/api/counter/recent", "camlo.officer").json().path("dossiers")) {
      if (d.path("code").asText().equals(code)) {
        return d;
      }
    }
    throw new AssertionError(code + " is not among camlo.officer's recent receipts");
  }

  @Test
  void aTasklistSessionReadsTheApiAndChangesOnlyWithItsCsrfToken() {
    Webapp officer = Webapp.login(http, "dongha.officer", "tasklist");
    Http.Answer recent = officer.get("/api/counter/recent");
    assertThat(recent.status()).as(recent.body()).isEqualTo(200);
    assertThat(recent.json().path("officer").asBoolean()).isTrue();

    // a forged cross-site POST carries the cookie but cannot know the token
    Http.Answer forged = http.send(officer.withoutCsrfToken("/api/dossiers").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(NEW_DOSSIER, StandardCharsets.UTF_8)).build());
    assertThat(forged.status()).as(forged.body()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    Http.Answer wrong = http.send(officer.withWrongCsrfToken("/api/dossiers").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(NEW_DOSSIER, StandardCharsets.UTF_8)).build());
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);

    Http.Answer received = officer.postJson("/api/dossiers", NEW_DOSSIER);
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();
    assertThat(officer.get("/api/dossiers/" + code).status()).isEqualTo(200);
    assertThat(officer.get("/api/counter/recent").body()).contains(code);

    // the session of another unit's official: the same 404 as an unknown dossier
    Webapp camlo = Webapp.login(http, "camlo.specialist", "tasklist");
    assertThat(camlo.get("/api/dossiers/" + code).status()).isEqualTo(404);
    // an auditor's session reads, and is refused the counter's changing calls
    Webapp auditor = Webapp.login(http, "quangtri.auditor", "cockpit");
    assertThat(auditor.get("/api/dossiers/" + code).status()).isEqualTo(200);
    assertThat(auditor.postJson("/api/dossiers/" + code + "/supplement", "{}").status()).isEqualTo(403);
    // a webapp script without a session: 401 without a Basic challenge (no password dialog in the browser)
    Http.Answer ended = http.send(http.request("/api/counter/recent", null).header("X-XSRF-TOKEN", "stale").GET().build());
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(http.get("/api/counter/recent").headers().firstValue("WWW-Authenticate")).isPresent();
    // the session counts for our /api only: Camunda's engine REST API still wants credentials
    assertThat(officer.get("/engine-rest/task").status()).isEqualTo(401);
  }

  @Test
  void aSessionCountsOnlyAsLongAsItsUserAndTheirRolesDo() {
    IdentityService identity = engine.getIdentityService();
    String id = "tmp.officer" + System.nanoTime() % 100_000;
    User user = identity.newUser(id);
    user.setFirstName("Tạm");
    user.setLastName("Thời");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, "one-stop-officer");
    identity.createTenantUserMembership("dongha", id);
    try {
      Webapp session = Webapp.login(http, id, "tasklist");
      assertThat(session.get("/api/counter/recent").json().path("officer").asBoolean()).isTrue();
      // the role is taken away: the very next request counts without it, whatever the session says
      identity.deleteMembership(id, "one-stop-officer");
      assertThat(session.get("/api/counter/recent").json().path("officer").asBoolean()).isFalse();
      assertThat(session.postJson("/api/dossiers", NEW_DOSSIER).status()).isEqualTo(403);
      // the user is deleted: the session no longer counts
      identity.deleteUser(id);
      assertThat(session.get("/api/counter/recent").status()).isEqualTo(401);
    } finally {
      identity.deleteUser(id);
    }
  }

  private String receivedAndAppraised() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", NEW_DOSSIER);
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();
    Http.Answer found = http.get("/engine-rest/task?processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=Task_AppraiseDossier", "dongha.specialist");
    String appraisal = found.json().get(0).path("id").asText();
    assertThat(http.postJson("/engine-rest/task/" + appraisal + "/claim", "dongha.specialist",
        "{\"userId\":\"dongha.specialist\"}").status()).isEqualTo(204);
    Http.Answer appraised = http.postJson("/engine-rest/task/" + appraisal + "/complete", "dongha.specialist",
        "{\"variables\":{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},\"appraisalOpinion\":{\"value\":\"Hồ sơ hợp lệ\"}}}");
    assertThat(appraised.status()).as(appraised.body()).isEqualTo(204);
    return code;
  }

  private HttpResponse<byte[]> bytes(String path, String user) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", Http.basic(user, "demo"));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
