package vn.danvan.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.identity.UnitChange;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.identity.UnitProfile;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;
import vn.danvan.support.Webapp;

/**
 * Separation of duties through the REST APIs: an official of Đông Hà who is both specialist and
 * leader appraises a dossier and may then not approve it, however the approval reaches them
 * (claim, assignment by the chairman, completion without claiming, Tasklist's form submission);
 * another leader approves it. A procedure whose catalogue row switches separation off lets them.
 */
class SeparationOfDutiesIT extends RunningApplicationTest {

  static final String DEPUTY = "dongha.deputy";

  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired UnitOfficials officials;

  UnitProfile dongha;

  @BeforeEach
  void officialWithBothRoles() {
    if (identity.createUserQuery().userId(DEPUTY).count() == 0) {
      User user = identity.newUser(DEPUTY);
      user.setFirstName("Nguyễn Văn");
      user.setLastName("Phó");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(DEPUTY, "specialist");
      identity.createMembership(DEPUTY, "leader");
      identity.createTenantUserMembership("dongha", DEPUTY);
    }
    // only a holder of a post signs for the committee: the deputy is a vice-chairman while these tests run
    dongha = officials.profile("dongha").orElseThrow();
    List<UnitChange.Appointment> vices = new ArrayList<>(dongha.asChange().viceChairmen());
    vices.add(new UnitChange.Appointment(DEPUTY, "Phó Chủ tịch UBND phường"));
    officials.replace("dongha", dongha.asChange().withViceChairmen(vices), "test");
  }

  @AfterEach
  void restoreTheUnit() {
    officials.replace("dongha", dongha.asChange(), "test");
  }


  @Test
  void theAppraiserCannotApproveTheDossierThroughAnyDoor() {
    String code = appraisedByTheDeputy("LAND_TRANSFER_REGISTRATION");
    String approval = task(code, "Task_ApproveResult", "dongha.chairman");

    expectSeparation(http.postJson("/engine-rest/task/" + approval + "/claim", DEPUTY, "{\"userId\":\"" + DEPUTY + "\"}"));
    expectSeparation(http.postJson("/engine-rest/task/" + approval + "/assignee", "dongha.chairman",
        "{\"userId\":\"" + DEPUTY + "\"}"));
    String decision = "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}";
    expectSeparation(http.postJson("/engine-rest/task/" + approval + "/complete", DEPUTY, decision));
    Webapp tasklist = Webapp.login(http, DEPUTY, "tasklist");
    expectSeparation(tasklist.postJson("/camunda/api/engine/engine/default/task/" + approval + "/claim",
        "{\"userId\":\"" + DEPUTY + "\"}"));
    expectSeparation(tasklist.postJson("/camunda/api/engine/engine/default/task/" + approval + "/submit-form", decision));

    var task = tasks.createTaskQuery().taskId(approval).singleResult();
    assertThat(task).as("the approval is still open").isNotNull();
    assertThat(task.getAssignee()).isNull();

    assertThat(http.postJson("/engine-rest/task/" + approval + "/claim", "dongha.vicechair",
        "{\"userId\":\"dongha.vicechair\"}").status()).isEqualTo(204);
    assertThat(http.postJson("/engine-rest/task/" + approval + "/complete", "dongha.vicechair", decision).status())
        .isEqualTo(204);
  }

  @Test
  void aProcedureThatDoesNotSeparateDutiesLetsTheAppraiserApprove() {
    String code = appraisedByTheDeputy("CERTIFIED_COPY");
    String approval = task(code, "Task_ApproveResult", DEPUTY);
    assertThat(http.postJson("/engine-rest/task/" + approval + "/claim", DEPUTY, "{\"userId\":\"" + DEPUTY + "\"}")
        .status()).isEqualTo(204);
    Http.Answer approved = http.postJson("/engine-rest/task/" + approval + "/complete", DEPUTY,
        "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
  }

  private String appraisedByTheDeputy(String procedure) {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", ProcedureSamples.apiBody("""
        {"procedureCode":"%s","unit":"dongha","applicantName":"Phan Văn Mười","idNumber":"045201004444",
         "phone":"0912000444","channel":"COUNTER","documentList":"Bản chính và bản sao giấy tờ"}""".formatted(procedure)));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();
    String appraisal = task(code, "Task_AppraiseDossier", DEPUTY);
    assertThat(http.postJson("/engine-rest/task/" + appraisal + "/claim", DEPUTY, "{\"userId\":\"" + DEPUTY + "\"}")
        .status()).isEqualTo(204);
    Http.Answer appraised = http.postJson("/engine-rest/task/" + appraisal + "/complete", DEPUTY,
        "{\"variables\":{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},\"appraisalOpinion\":{\"value\":\"Hồ sơ hợp lệ\"}}}");
    assertThat(appraised.status()).as(appraised.body()).isEqualTo(204);
    return code;
  }

  private String task(String code, String key, String user) {
    Http.Answer found = http.get("/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + key, user);
    assertThat(found.json()).as(user + " sees " + key).hasSize(1);
    return found.json().get(0).path("id").asText();
  }

  private static void expectSeparation(Http.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    // Camunda prefixes a refused form submission with "Cannot submit task form {id}: "
    assertThat(answer.json().path("message").asText()).contains("userId: ").contains("separation of duties");
  }
}
