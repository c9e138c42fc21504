package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.identity.UnitProfile;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;

/**
 * The dossier API on PostgreSQL with the demo users: a dossier received over HTTP, appraised,
 * approved, signed and returned by the officials of its unit; officials of another commune refused
 * at every step; validation, supplement, withdrawal, the public lookup and the rating.
 */
class DossierApiIT extends RunningApplicationTest {

  static final String NAME = "Trần Thị Bích Ngọc";
  static final String ID_NUMBER = "045201009876";
  static final String PHONE = "0987654321";

  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired DossierService dossiers;
  @Autowired JdbcTemplate jdbc;
  @Autowired UnitOfficials units;

  @Test
  void dossierGoesThroughTheApiAndOtherCommunesAreRefusedAtEveryStep() {
    assertThat(http.postJson("/api/dossiers", "camlo.officer", body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE,
        "COUNTER")).status()).isEqualTo(403);
    assertThat(http.postJson("/api/dossiers", "dongha.specialist", body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE,
        "COUNTER")).status()).isEqualTo(403);

    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer",
        body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER"));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    JsonNode receipt = received.json();
    String code = receipt.path("code").asText();
    // Circular 01/2018 Art. 19: the unit's agency code (demo: 000.00.31.H48), the day, the day's sequence
    assertThat(code).matches("000\\.00\\.31\\.H48-\\d{6}-\\d{4}");
    assertThat(received.headers().firstValue("Location")).hasValue("/api/dossiers/" + code);
    assertThat(receipt.path("unit").asText()).isEqualTo("dongha");
    assertThat(receipt.path("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(receipt.path("appointmentAt").asText()).endsWith("+07:00");
    OffsetDateTime.parse(receipt.path("appointmentAt").asText());
    String receiptId = receipt.path("receiptDocumentId").asText();
    assertThat(receipt.path("receiptUrl").asText()).isEqualTo("/api/documents/" + receiptId);
    assertThat(http.get("/api/documents/" + receiptId + "/meta", "dongha.officer").json().path("kind").asText())
        .isEqualTo("RECEIPT");
    assertThat(http.get("/api/dossiers/" + code, "camlo.officer").status()).isEqualTo(404);

    // appraisal: the specialist of the unit, never the one of Cam Lộ
    String appraisal = taskId(code, "Task_AppraiseDossier", "dongha.specialist");
    assertThat(http.get("/engine-rest/task/" + appraisal, "camlo.specialist").status()).isIn(403, 404);
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + code, "camlo.specialist").json()).isEmpty();
    assertThat(complete(appraisal, "camlo.specialist", Map.of("appraisalResult", "PROPOSE_APPROVE")).status())
        .isIn(403, 404);
    assertThat(complete(appraisal, "dongha.specialist", Map.of("appraisalResult", "PROPOSE_APPROVE",
        "appraisalOpinion", "Hồ sơ hợp lệ, đề nghị chứng thực")).status()).isEqualTo(204);

    // approval: the chairman of Đông Hà claims and approves; the chairman of Cam Lộ can do neither
    String approval = taskId(code, "Task_ApproveResult", "dongha.chairman");
    assertThat(http.postJson("/engine-rest/task/" + approval + "/claim", "camlo.chairman",
        "{\"userId\":\"camlo.chairman\"}").status()).isIn(403, 404);
    assertThat(complete(approval, "camlo.chairman", Map.of("approvalDecision", "APPROVE")).status()).isIn(403, 404);
    assertThat(http.postJson("/engine-rest/task/" + approval + "/claim", "dongha.chairman",
        "{\"userId\":\"dongha.chairman\"}").status()).isEqualTo(204);
    assertThat(complete(approval, "dongha.chairman", Map.of("approvalDecision", "APPROVE")).status()).isEqualTo(204);

    signAll(code);

    // the officer hands the result over
    String handOver = taskId(code, "Task_ReturnResult", "dongha.officer");
    assertThat(complete(handOver, "camlo.officer", Map.of("resultHandedOver", true)).status()).isIn(403, 404);
    assertThat(http.postJson("/engine-rest/task/" + handOver + "/claim", "dongha.officer",
        "{\"userId\":\"dongha.officer\"}").status()).isEqualTo(204);
    assertThat(complete(handOver, "dongha.officer", Map.of("resultHandedOver", true, "satisfaction", "4")).status())
        .isEqualTo(204);

    Http.Answer read = http.get("/api/dossiers/" + code, "dongha.officer");
    assertThat(read.status()).isEqualTo(200);
    JsonNode dossier = read.json();
    assertThat(dossier.path("state").asText()).isEqualTo("RETURNED");
    assertThat(dossier.path("stateLabel").asText()).isEqualTo("Đã trả kết quả");
    assertThat(dossier.path("procedureName").asText()).isEqualTo("Chứng thực bản sao từ bản chính giấy tờ, văn bản");
    assertThat(dossier.path("outcome").asText()).isIn("EARLY", "ON_TIME");
    assertThat(dossier.path("satisfaction").asInt()).isEqualTo(4);
    assertThat(dossier.path("returnedAt").asText()).endsWith("+07:00");
    assertThat(types(dossier.path("events"))).containsSubsequence("RECEIVED", "RECEIPT_ISSUED", "RESULT_READY",
        "RETURNED", "RATED");
    assertThat(dossier.path("events").get(0).path("actor").asText()).isEqualTo("dongha.officer");
    assertTrailReadsInVietnamese(dossier.path("events"));
    // a certified copy's result is the certification page its catalogue row names
    assertThat(types(dossier.path("documents"), "kind")).contains("RECEIPT", "CERTIFIED_COPY");
    assertThat(read.body()).doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain(NAME);
    assertThat(http.get("/api/dossiers/" + code, "quangtri.auditor").status()).isEqualTo(200);
    assertThat(http.get("/api/dossiers/" + code, "dongha.specialist").status()).isEqualTo(200);
    assertThat(http.get("/api/dossiers/" + code, "camlo.chairman").status()).isEqualTo(404);

    // the citizen's view
    Http.Answer status = http.get("/api/public/dossiers/" + code + "?phone4=4321");
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().path("state").asText()).isEqualTo("RETURNED");
    assertThat(status.json().path("stateLabel").asText()).isEqualTo("Đã trả kết quả");
    assertThat(status.json().path("outcome").asText()).isEqualTo(dossier.path("outcome").asText());
    assertThat(status.body()).doesNotContain(NAME).doesNotContain(ID_NUMBER).doesNotContain(PHONE)
        .doesNotContain("dongha.officer");

    assertThat(http.postJson("/api/public/dossiers/" + code + "/rating", null, "{\"phone4\":\"4321\",\"rating\":6}")
        .json().path("field").asText()).isEqualTo("rating");
    assertThat(http.postJson("/api/public/dossiers/" + code + "/rating", null, "{\"phone4\":\"0000\",\"rating\":5}")
        .status()).isEqualTo(404);
    assertThat(status.json().path("citizenRating").isNull()).isTrue();
    // four first ratings at once (two tabs, a double click): exactly one is kept, the others get 409
    List<java.util.concurrent.CompletableFuture<Http.Answer>> concurrent = new ArrayList<>();
    for (int rating : new int[] {5, 2, 3, 1}) {
      concurrent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> http.postJson(
          "/api/public/dossiers/" + code + "/rating", null, "{\"phone4\":\"4321\",\"rating\":" + rating + "}")));
    }
    List<Http.Answer> answers = concurrent.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    assertThat(answers).extracting(Http.Answer::status).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
    int kept = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json()
        .path("citizenRating").asInt();

    // one rating per dossier: a later one (same or other value) is refused, the first is kept, and
    // neither touches what the officer recorded at the return step
    for (String again : new String[] {"2", "5"}) {
      Http.Answer refused = http.postJson("/api/public/dossiers/" + code + "/rating", null,
          "{\"phone4\":\"4321\",\"rating\":" + again + "}");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().path("error").asText()).contains("already been rated");
    }
    assertThat(dossiers.find(code).orElseThrow().citizenRating()).isEqualTo(kept);
    assertThat(dossiers.find(code).orElseThrow().satisfaction()).isEqualTo(4);
    assertThat(dossiers.events(code)).filteredOn(e -> e.type().equals(DossierEventType.RATED.name()))
        .extracting(DossierEvent::actor, DossierEvent::detail)
        .containsExactly(tuple("dongha.officer", "4"), tuple(null, String.valueOf(kept)));
    JsonNode both = http.get("/api/dossiers/" + code, "dongha.officer").json();
    assertThat(both.path("satisfaction").asInt()).isEqualTo(4);
    assertThat(both.path("citizenRating").asInt()).isEqualTo(kept);
    assertThat(both.path("citizenRatedAt").asText()).endsWith("+07:00");
    assertThat(http.get("/api/public/dossiers/" + code + "?phone4=4321").json().path("citizenRating").asInt())
        .isEqualTo(kept);
    // the public page tells a citizen who rated already
    assertThat(http.get("/tra-cuu.js").body()).contains("citizenRating")
        .contains("Mỗi hồ sơ chỉ được đánh giá một lần");
  }

  @Test
  void badFieldsAreRefusedBeforeAnythingStarts() {
    long before = count("dv_dossier");
    assertThat(field(body("dongha", "CERTIFIED_COPY", "04520100987", PHONE, "COUNTER"))).isEqualTo("idNumber");
    assertThat(field(body("dongha", "CERTIFIED_COPY", ID_NUMBER, "098765", "COUNTER"))).isEqualTo("phone");
    assertThat(field(body("dongha", "NO_SUCH_PROCEDURE", ID_NUMBER, PHONE, "COUNTER"))).isEqualTo("procedureCode");
    assertThat(field(body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "FAX"))).isEqualTo("channel");
    assertThat(field(body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER").replace("an@example.vn", "an@")))
        .isEqualTo("email");
    assertThat(http.postJson("/api/dossiers", "dongha.officer", "{not json").status()).isEqualTo(400);
    // a death registration needs the deceased, as the start form shows for that procedure only
    assertThat(field(bare("dongha", "DEATH_REGISTRATION", ID_NUMBER, PHONE, "COUNTER"))).isEqualTo("deceasedName");
    assertThat(count("dv_dossier")).isEqualTo(before);
  }

  /**
   * What a procedure legally needs is required by its section of the start form: a dossier lacking
   * one such field is refused with 400 naming it, before anything is written (no register entry, no
   * number used, no trail event, no instance). Another procedure's required field is not asked for.
   */
  @Test
  void aDossierLackingARequiredFieldOfItsProcedureIsRefusedAndNothingIsWritten() {
    long dossiersBefore = count("dv_dossier");
    long eventsBefore = count("dv_case_event");
    long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("dossierApproval").count();
    long numbersUsed = usedNumbers();
    for (var procedure : java.util.Map.of("CERTIFIED_COPY", "copyCount", "BIRTH_REGISTRATION", "childBirthPlace",
        "MARRIAGE_REGISTRATION", "wifeBirthDate", "LAND_TRANSFER_REGISTRATION", "transfereeName",
        "RESIDENCE_CONFIRMATION", "residenceAddress").entrySet()) {
      Map<String, Object> fields = new HashMap<>(ProcedureSamples.fields(procedure.getKey()));
      fields.remove(procedure.getValue());
      String json = bare("dongha", procedure.getKey(), ID_NUMBER, PHONE, "COUNTER").replaceFirst("}$",
          ",\"procedureFields\":" + toJson(fields) + "}");
      Http.Answer answer = http.postJson("/api/dossiers", "dongha.officer", json);
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.json().path("field").asText()).as(procedure.getKey()).endsWith(procedure.getValue());
      assertThat(answer.body()).doesNotContain(ID_NUMBER);
    }
    assertThat(count("dv_dossier")).isEqualTo(dossiersBefore);
    assertThat(count("dv_case_event")).isEqualTo(eventsBefore);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dossierApproval").count())
        .isEqualTo(instancesBefore);
    assertThat(usedNumbers()).isEqualTo(numbersUsed);

    // the same dossier with the field is received (the test proves the field, not something else, was missing)
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer",
        body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER"));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    assertThat(count("dv_dossier")).isEqualTo(dossiersBefore + 1);
  }

  /** Every number any register of any unit has handed out (dossier codes included). */
  private long usedNumbers() {
    return jdbc.queryForObject("SELECT COALESCE(SUM(last_number), 0) FROM dv_document_counter", Long.class);
  }

  private static String toJson(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void decisionsWithoutTheTextTheyNeedAre400NamingTheFieldAndTheTaskStays() {
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer",
        body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER"));
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String code = received.json().path("code").asText();

    // appraisal asking for a supplement without saying what is missing
    String appraisal = taskId(code, "Task_AppraiseDossier", "dongha.specialist");
    Http.Answer noItems = complete(appraisal, "dongha.specialist", Map.of("appraisalResult", "NEED_SUPPLEMENT",
        "appraisalOpinion", "Thiếu giấy tờ"));
    assertThat(noItems.status()).as(noItems.body()).isEqualTo(400);
    assertThat(noItems.json().path("field").asText()).isEqualTo("missingItems");
    assertThat(complete(appraisal, "dongha.specialist", Map.of("appraisalResult", "PROPOSE_REFUSE",
        "appraisalOpinion", "Bản chính bị tẩy xóa")).status()).isEqualTo(204);

    // the leader refusing without reasons
    String approval = taskId(code, "Task_ApproveResult", "dongha.chairman");
    assertThat(http.postJson("/engine-rest/task/" + approval + "/claim", "dongha.chairman",
        "{\"userId\":\"dongha.chairman\"}").status()).isEqualTo(204);
    Http.Answer noReasons = complete(approval, "dongha.chairman", Map.of("approvalDecision", "REFUSE"));
    assertThat(noReasons.status()).as(noReasons.body()).isEqualTo(400);
    assertThat(noReasons.json().path("field").asText()).isEqualTo("refusalReasons");
    assertThat(taskId(code, "Task_ApproveResult", "dongha.chairman")).isEqualTo(approval);
    assertThat(dossiers.find(code).orElseThrow().state()).isEqualTo(DossierState.IN_PROGRESS);
  }

  @Test
  void deathRegistrationIsReceivedWithTheDeceasedsName() {
    String json = bare("dongha", "DEATH_REGISTRATION", ID_NUMBER, PHONE, "COUNTER")
        .replace("}", ",\"deceasedName\":\"Trần Văn Cường\",\"deceasedBirthYear\":\"1941\"}");
    Http.Answer received = http.postJson("/api/dossiers", "dongha.officer", json);
    assertThat(received.status()).as(received.body()).isEqualTo(201);
    String instanceId = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(received.json().path("code").asText()).singleResult().getId();
    assertThat(runtime.getVariable(instanceId, "deceasedName")).isEqualTo("Trần Văn Cường");
  }

  /**
   * The trail as people read it: beside each code and ISO time, a Vietnamese label and the local
   * time written out; no raw code in a text meant for people; the step and the rule version.
   */
  private static void assertTrailReadsInVietnamese(JsonNode events) {
    assertThat(events).isNotEmpty();
    for (JsonNode event : events) {
      String type = event.path("type").asText();
      assertThat(event.path("typeLabel").asText()).as(type).isNotBlank().isNotEqualTo(type).isNotEqualTo("Sự kiện khác");
      OffsetDateTime at = OffsetDateTime.parse(event.path("occurredAt").asText());
      assertThat(at.getOffset().getId()).isEqualTo("+07:00");
      assertThat(event.path("occurredAtText").asText()).isEqualTo(String.format("%d giờ %02d, ngày %d/%d/%d",
          at.getHour(), at.getMinute(), at.getDayOfMonth(), at.getMonthValue(), at.getYear()));
      for (String field : List.of("typeLabel", "occurredAtText", "detail")) {
        assertThat(event.path(field).asText()).as(type + " " + field)
            .doesNotContain("COUNTER", "ONLINE", "POSTAL", "EARLY", "ON_TIME", "LATE", "Z", "T0", "T1", "T2");
      }
    }
    assertThat(event(events, "RECEIVED").path("detail").asText()).isEqualTo("Kênh nộp: Trực tiếp tại Bộ phận Một cửa");
    assertThat(event(events, "RECEIVED").path("step").asText()).isEqualTo("Task_RegisterDossier");
    JsonNode receipt = event(events, "RECEIPT_ISSUED");
    assertThat(receipt.path("typeLabel").asText()).isEqualTo("Cấp giấy tiếp nhận và hẹn trả kết quả");
    assertThat(receipt.path("detail").asText()).matches("Hẹn trả kết quả: \\d{1,2} giờ \\d{2}, ngày \\d{1,2}/\\d{1,2}/\\d{4}");
    assertThat(receipt.path("step").asText()).isEqualTo("Task_IssueReceipt");
    assertThat(receipt.path("ruleVersion").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(event(events, "RETURNED").path("detail").asText()).isIn("Trước hạn", "Đúng hạn");
    assertThat(event(events, "RETURNED").path("step").asText()).isEqualTo("Task_ClassifyOutcome");
  }

  private static JsonNode event(JsonNode events, String type) {
    for (JsonNode event : events) {
      if (type.equals(event.path("type").asText())) {
        return event;
      }
    }
    throw new AssertionError("No " + type + " in the trail: " + events);
  }

  @Test
  void failingStartLeavesNoRegisterEntryAndNoDocument() {
    long dossiersBefore = count("dv_dossier");
    long documentsBefore = count("dv_document");
    long eventsBefore = count("dv_case_event");
    // 16/6/2025: the procedure is known, but no catalogue row is in force yet, so the receipt fails
    // after the register step has written its entry
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-06-16T09:00:00+07:00").toInstant()));
    Http.Answer answer;
    try {
      answer = http.postJson("/api/dossiers", "dongha.officer",
          body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER"));
    } finally {
      ClockUtil.reset();
    }
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.json().path("error").asText()).isNotBlank();
    assertThat(answer.body()).doesNotContain(ID_NUMBER);
    assertThat(count("dv_dossier")).isEqualTo(dossiersBefore);
    assertThat(count("dv_case_event")).isEqualTo(eventsBefore);
    assertThat(count("dv_document")).isEqualTo(documentsBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_dossier WHERE code LIKE '000.00.31.H48-250616-%'", Long.class))
        .isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dossierApproval").variableValueEquals(
        "idNumber", ID_NUMBER).list()).filteredOn(p -> p.getBusinessKey() != null
        && p.getBusinessKey().startsWith("000.00.31.H48-250616")).isEmpty();
  }

  @Test
  void officerTakesTheSupplementAndTheClockStarts() {
    Map<String, Object> variables = new HashMap<>(Map.of("unitCode", "dongha", "procedureCode", "CERTIFIED_COPY",
        "applicantName", NAME, "idNumber", ID_NUMBER, "phone", PHONE, "channel", "COUNTER",
        "checkResult", "INCOMPLETE", "missingItems", "Bản sao căn cước", "receivingOfficer", "dongha.officer"));
    variables.putAll(ProcedureSamples.fields("CERTIFIED_COPY"));
    String instance = runtime.startProcessInstanceByKey("dossierApproval", variables).getId();
    String code = dossiers.findByProcessInstance(instance).orElseThrow().code();
    signAll(code); // the supplement request is signed before it is sent and the desk waits for the citizen
    assertThat(http.get("/api/dossiers/" + code, "dongha.officer").json().path("state").asText())
        .isEqualTo("WAITING_SUPPLEMENT");
    assertThat(http.get("/api/public/dossiers/" + code + "?phone4=4321").json().path("appointmentAt").isNull()).isTrue();

    assertThat(http.postJson("/api/dossiers/" + code + "/supplement", "camlo.officer", "").status()).isEqualTo(404);
    assertThat(http.postJson("/api/dossiers/" + code + "/supplement", "dongha.specialist", "").status()).isEqualTo(403);
    assertThat(http.postJson("/api/dossiers/" + code + "/supplement", "quangtri.auditor", "").status()).isEqualTo(403);

    Http.Answer supplemented = http.postJson("/api/dossiers/" + code + "/supplement", "dongha.officer", "");
    assertThat(supplemented.status()).as(supplemented.body()).isEqualTo(200);
    assertThat(supplemented.json().path("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(supplemented.json().path("appointmentAt").asText()).endsWith("+07:00");
    String receiptId = supplemented.json().path("receiptDocumentId").asText();
    assertThat(http.get("/api/documents/" + receiptId + "/meta", "dongha.officer").json().path("kind").asText())
        .isEqualTo("RECEIPT");
    assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_AppraiseDossier")
        .count()).isEqualTo(1);
    assertThat(dossiers.events(code)).extracting(DossierEvent::type).containsSubsequence(
        "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "RECEIPT_ISSUED");
    // the case clock behind the appointment, as the officials read it
    JsonNode clock = http.get("/api/dossiers/" + code, "dongha.officer").json().path("clock");
    assertThat(clock.path("state").asText()).isEqualTo("RUNNING");
    assertThat(clock.path("stateLabel").asText()).isEqualTo("Đang tính thời hạn");
    assertThat(OffsetDateTime.parse(clock.path("deadlineAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse(supplemented.json().path("appointmentAt").asText()).toInstant());
    assertThat(clock.path("deadlineText").asText()).matches("\\d{1,2} giờ \\d{2}, ngày \\d{1,2}/\\d{1,2}/\\d{4}");
    assertThat(clock.path("extensionsUsed").asInt()).isZero();
    assertThat(clock.path("maxExtensions").asInt()).isOne();
    assertThat(clock.path("ruleVersion").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

    Http.Answer again = http.postJson("/api/dossiers/" + code + "/supplement", "dongha.officer", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("error").asText()).isNotBlank();
  }

  @Test
  void officerRecordsAWithdrawalWithItsStopNotice() {
    String code = http.postJson("/api/dossiers", "dongha.officer",
        body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "ONLINE")).json().path("code").asText();

    String withdrawal = "/api/dossiers/" + code + "/withdrawal";
    assertThat(http.postJson(withdrawal, "camlo.officer", "{\"reason\":\"Rút hồ sơ\"}").status()).isEqualTo(404);
    assertThat(http.postJson(withdrawal, "dongha.chairman", "{\"reason\":\"Rút hồ sơ\"}").status()).isEqualTo(403);
    assertThat(http.postJson(withdrawal, "dongha.officer", "{}").json().path("field").asText()).isEqualTo("reason");

    Http.Answer withdrawn = http.postJson(withdrawal, "dongha.officer", "{\"reason\":\"Công dân đề nghị rút hồ sơ\"}");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().path("state").asText()).isEqualTo("WITHDRAWN");
    String notice = withdrawn.json().path("stopNoticeDocumentId").asText();
    assertThat(http.get("/api/documents/" + notice + "/meta", "dongha.officer").json().path("kind").asText())
        .isEqualTo("STOP_NOTICE");
    assertThat(dossiers.events(code)).filteredOn(e -> e.type().equals(DossierEventType.WITHDRAWN.name()))
        .extracting(DossierEvent::actor).containsExactly("dongha.officer");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();

    assertThat(http.postJson(withdrawal, "dongha.officer", "{\"reason\":\"Lần nữa\"}").status()).isEqualTo(409);
    assertThat(http.postJson("/api/public/dossiers/" + code + "/rating", null, "{\"phone4\":\"4321\",\"rating\":5}")
        .status()).isEqualTo(409);
  }

  @Test
  void aUnitWithoutAgencyCodeStillReceivesUnderItsUnitIdAndThePublicPageFindsBothLayouts() {
    String dotted = http.postJson("/api/dossiers", "camlo.officer",
        body("camlo", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER")).json().path("code").asText();
    assertThat(dotted).matches("000\\.00\\.32\\.H48-\\d{6}-\\d{4}");
    UnitProfile camlo = units.profile("camlo").orElseThrow();
    String fallback;
    try {
      // recorded without agency code, as an administrator records a unit (this node's unit cache counts it at once)
      vn.danvan.identity.UnitChange recorded = camlo.asChange();
      units.replace("camlo", new vn.danvan.identity.UnitChange(recorded.parent(), recorded.chairman(),
          recorded.viceChairmen(), recorded.actingChairman(), recorded.contactPhone(), null), "test");
      fallback = http.postJson("/api/dossiers", "camlo.officer",
          body("camlo", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER")).json().path("code").asText();
    } finally {
      units.replace("camlo", camlo.asChange(), "test");
    }
    assertThat(fallback).matches("CAMLO-\\d{6}-\\d{4}");
    // one gap-free daily sequence per unit, whatever the code's first part
    assertThat(Integer.parseInt(fallback.substring(fallback.length() - 4)))
        .isEqualTo(Integer.parseInt(dotted.substring(dotted.length() - 4)) + 1);
    for (String code : List.of(dotted, fallback)) {
      Http.Answer status = http.get("/api/public/dossiers/" + code + "?phone4=4321");
      assertThat(status.status()).as(code + ": " + status.body()).isEqualTo(200);
      assertThat(status.json().path("code").asText()).isEqualTo(code);
    }
  }

  @Test
  void publicLookupAnswersUnknownCodeAndWrongPhoneAlike() {
    String code = http.postJson("/api/dossiers", "dongha.officer",
        body("dongha", "CERTIFIED_COPY", ID_NUMBER, PHONE, "COUNTER")).json().path("code").asText();

    Http.Answer unknown = http.get("/api/public/dossiers/DONGHA-000000-9999?phone4=4321");
    Http.Answer wrongPhone = http.get("/api/public/dossiers/" + code + "?phone4=1234");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(wrongPhone.status()).isEqualTo(404);
    assertThat(wrongPhone.body()).isEqualTo(unknown.body());

    assertThat(http.get("/api/public/dossiers/" + code + "?phone4=12a4").json().path("field").asText())
        .isEqualTo("phone4");
    assertThat(http.get("/api/public/dossiers/" + code).json().path("field").asText()).isEqualTo("phone4");

    Http.Answer found = http.get("/api/public/dossiers/" + code + "?phone4=4321");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().path("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(found.json().path("stateLabel").asText()).isEqualTo("Đang giải quyết");
    assertThat(found.json().path("appointmentAt").asText()).endsWith("+07:00");
    assertThat(found.json().has("unit")).isFalse();
    assertThat(found.body()).doesNotContain(NAME).doesNotContain(ID_NUMBER).doesNotContain(PHONE);
    assertThat(http.postJson("/api/public/dossiers/" + code + "/rating", null, "{\"phone4\":\"4321\",\"rating\":5}")
        .status()).isEqualTo(409);
  }

  // ------------------------------------------------------------------ helpers

  /** A complete body: {@link #bare} with its procedure's section filled ({@link ProcedureSamples}). */
  private static String body(String unit, String procedure, String idNumber, String phone, String channel) {
    return ProcedureSamples.apiBody(bare(unit, procedure, idNumber, phone, channel));
  }

  /** A body with the request's own fields only, no {@code procedureFields}. */
  private static String bare(String unit, String procedure, String idNumber, String phone, String channel) {
    return """
        {"procedureCode":"%s","unit":"%s","applicantName":"%s","idNumber":"%s","phone":"%s",
         "email":"an@example.vn","channel":"%s","applicantAddress":"12 Lê Duẩn, Đông Hà",
         "documentList":"Bản chính và bản sao giấy tờ"}""".formatted(procedure, unit, NAME, idNumber, phone, channel);
  }

  private String field(String json) {
    Http.Answer answer = http.postJson("/api/dossiers", "dongha.officer", json);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer.json().path("field").asText();
  }

  /** The id of the dossier's task at {@code taskKey}, as {@code user} finds it over the REST API. */
  private String taskId(String code, String taskKey, String user) {
    Http.Answer tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
        + taskKey, user);
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.json()).as(user + " sees " + taskKey).hasSize(1);
    return tasks.json().get(0).path("id").asText();
  }

  private Http.Answer complete(String taskId, String user, Map<String, Object> variables) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    List<String> entries = new ArrayList<>();
    variables.forEach((name, value) -> entries.add("\"" + name + "\":{\"value\":"
        + (value instanceof String s ? "\"" + s + "\"" : value) + "}"));
    json.append(String.join(",", entries)).append("}}");
    return http.postJson("/engine-rest/task/" + taskId + "/complete", user, json.toString());
  }

  /** The asynchronous signing steps, run as the job executor would (it is off in these tests). */
  private void signAll(String code) {
    String instance = dossiers.find(code).orElseThrow().processInstanceId();
    for (int round = 0; round < 5; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String activity : List.of(DossierProcess.TASK_PREPARE_RESULT, DossierProcess.TASK_SIGN_RESULT, DossierProcess.TASK_SIGN_COURTESY_LETTER,
          DossierProcess.TASK_SIGN_REFUSAL, DossierProcess.TASK_SIGN_SUPPLEMENT_REQUEST, DossierProcess.TASK_SIGN_APOLOGY)) {
        jobs.addAll(management.createJobQuery().processInstanceId(instance).activityId(activity).list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private static List<String> types(JsonNode array) {
    return types(array, "type");
  }

  private static List<String> types(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.path(field).asText()));
    return values;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
