package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.FormContract.Mode;
import vn.danvan.support.ProcedureSamples;

/** The form contract read from the real forms in {@code forms/}: what each lets its user submit. */
class FormContractTest {

  static FormContract form(String id) {
    try {
      return FormContract.parse(new ObjectMapper().readTree(Path.of("forms", id + ".form").toFile()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final Map<String, Object> CASE = Map.of("dossierCode", "DONGHA-261201-0001", "applicantName", "Nguyễn Văn An",
      "procedureCode", "CERTIFIED_COPY", "idNumber", "045201000123");

  static Map<String, Object> start() {
    return start("CERTIFIED_COPY");
  }

  /** A complete start of {@code procedure}: the request's fields and its section's ({@link ProcedureSamples}). */
  static Map<String, Object> start(String procedure) {
    Map<String, Object> v = new HashMap<>(ProcedureSamples.fields(procedure));
    v.put("procedureCode", procedure);
    v.put("verificationNeeded", false);
    v.put("applicantName", "Nguyễn Văn An");
    v.put("idNumber", "045201000123");
    v.put("phone", "0912345678");
    v.put("email", "an@example.vn");
    v.put("channel", "COUNTER");
    v.put("documentList", "Bản chính, bản sao");
    v.put("checkResult", "COMPLETE");
    return v;
  }

  static String refusedField(FormContract contract, Map<String, Object> submitted, Map<String, Object> current) {
    try {
      contract.check(submitted, current, Set.of(), Mode.COMPLETE);
    } catch (ContractViolation e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.field();
    }
    throw new AssertionError("accepted: " + submitted);
  }

  @Test
  void appraisalAcceptsWhatTheFormOffers() {
    assertThatCode(() -> form("appraise-dossier").check(Map.of("appraisalResult", "PROPOSE_APPROVE",
        "appraisalOpinion", "Hồ sơ hợp lệ"), CASE, Set.of(), Mode.COMPLETE)).doesNotThrowAnyException();
  }

  @Test
  void readOnlyFieldMayComeBackUnchangedButNotChanged() {
    Map<String, Object> tasklist = new HashMap<>(Map.of("appraisalResult", "PROPOSE_APPROVE",
        "appraisalOpinion", "Hồ sơ hợp lệ", "applicantName", "Nguyễn Văn An", "dossierCode", "DONGHA-261201-0001"));
    assertThatCode(() -> form("appraise-dossier").check(tasklist, CASE, Set.of(), Mode.COMPLETE))
        .doesNotThrowAnyException();
    tasklist.put("applicantName", "Kẻ Mạo Danh");
    assertThat(refusedField(form("appraise-dossier"), tasklist, CASE)).isEqualTo("applicantName");
  }

  @Test
  void variableNotInTheFormIsRefused() {
    assertThat(refusedField(form("appraise-dossier"), Map.of("appraisalResult", "PROPOSE_APPROVE",
        "appraisalOpinion", "Được", "idNumber", "999999999999"), CASE)).isEqualTo("idNumber");
    assertThat(refusedField(form("approve-result"), Map.of("approvalDecision", "APPROVE", "approvedBy", "someone"),
        CASE)).isEqualTo("approvedBy");
  }

  @Test
  void decisionOutsideTheOptionsIsRefused() {
    assertThat(refusedField(form("approve-result"), Map.of("approvalDecision", "MAYBE"), CASE))
        .isEqualTo("approvalDecision");
    assertThat(refusedField(form("appraise-dossier"), Map.of("appraisalResult", "propose_approve",
        "appraisalOpinion", "x"), CASE)).isEqualTo("appraisalResult");
  }

  @Test
  void requiredFieldMissingIsRefused() {
    assertThat(refusedField(form("appraise-dossier"), Map.of("appraisalResult", "PROPOSE_APPROVE"), CASE))
        .isEqualTo("appraisalOpinion");
    assertThat(refusedField(form("appraise-dossier"), Map.of("appraisalResult", "PROPOSE_APPROVE",
        "appraisalOpinion", ""), CASE)).isEqualTo("appraisalOpinion");
    assertThat(refusedField(form("return-result"), Map.of("resultHandedOver", false), CASE))
        .isEqualTo("resultHandedOver");
  }

  @Test
  void requiredFieldAlreadySetOnTheCaseNeedNotBeSentAgain() {
    Map<String, Object> current = new HashMap<>(CASE);
    current.put("appraisalOpinion", "Đã nhập ở lần trước");
    assertThatCode(() -> form("appraise-dossier").check(Map.of("appraisalResult", "PROPOSE_REFUSE"), current,
        Set.of(), Mode.COMPLETE)).doesNotThrowAnyException();
  }

  @Test
  void hiddenFieldIsRefusedWithAValueAndShownFieldAccepted() {
    Map<String, Object> approve = new HashMap<>(Map.of("approvalDecision", "APPROVE", "refusalReasons", "Thiếu giấy tờ"));
    assertThat(refusedField(form("approve-result"), approve, CASE)).isEqualTo("refusalReasons");
    approve.put("approvalDecision", "REFUSE");
    assertThatCode(() -> form("approve-result").check(approve, CASE, Set.of(), Mode.COMPLETE)).doesNotThrowAnyException();
    // hidden and empty, as form-js would never send it: fine
    assertThatCode(() -> form("approve-result").check(Map.of("approvalDecision", "APPROVE", "refusalReasons", ""),
        CASE, Set.of(), Mode.COMPLETE)).doesNotThrowAnyException();
  }

  @Test
  void hiddenStateUsesTheCurrentVariablesWhenTheDecisionIsNotSent() {
    Map<String, Object> current = new HashMap<>(CASE);
    current.put("appraisalResult", "NEED_SUPPLEMENT");
    assertThatCode(() -> form("appraise-dossier").check(Map.of("missingItems", "Bản sao sổ hộ khẩu"), current,
        Set.of(), Mode.WRITE)).doesNotThrowAnyException();
    assertThat(refusedField(form("appraise-dossier"), Map.of("appraisalResult", "PROPOSE_APPROVE",
        "appraisalOpinion", "x", "missingItems", "Bản sao"), current)).isEqualTo("missingItems");
  }

  @Test
  void requiredOnlyWhileShown() {
    Map<String, Object> death = start("DEATH_REGISTRATION");
    death.remove("deceasedName");
    assertThat(refusedField(form("receive-dossier"), death, Map.of())).isEqualTo("deceasedName");
    death.put("deceasedName", "Nguyễn Văn Bình");
    assertThatCode(() -> form("receive-dossier").check(death, Map.of(), Set.of(), Mode.COMPLETE))
        .doesNotThrowAnyException();
    assertThatCode(() -> form("receive-dossier").check(start(), Map.of(), Set.of(), Mode.COMPLETE))
        .doesNotThrowAnyException();
  }

  /**
   * What each procedure legally needs is required in its section, and only there: a field required
   * by a hidden section (another procedure's) is neither required nor accepted, as in form-js.
   */
  @Test
  void eachProceduresRequiredFieldsAreRequiredForItOnly() {
    Map<String, List<String>> required = Map.of(
        "BIRTH_REGISTRATION", List.of("childName", "childSex", "childBirthDate", "childBirthPlace"),
        "DEATH_REGISTRATION", List.of("deceasedName"),
        "MARRIAGE_REGISTRATION", List.of("husbandName", "husbandBirthDate", "wifeName", "wifeBirthDate"),
        "CERTIFIED_COPY", List.of("documentName", "copyCount"),
        "RESIDENCE_CONFIRMATION", List.of("residenceType", "residenceAddress"),
        "LAND_FIRST_REGISTRATION", List.of("parcelNumber", "mapSheetNumber", "parcelAddress"),
        "LAND_TRANSFER_REGISTRATION", List.of("parcelNumber", "mapSheetNumber", "parcelAddress", "transferKind",
            "transferorName", "transfereeName"));
    FormContract form = form("receive-dossier");
    required.forEach((procedure, fields) -> {
      // complete with its section's required fields only (nothing of the other sections' required ones)
      Map<String, Object> minimal = start(procedure);
      minimal.keySet().removeIf(name -> ProcedureSamples.fields(procedure).containsKey(name) && !fields.contains(name));
      assertThatCode(() -> form.check(minimal, Map.of(), Set.of(), Mode.COMPLETE)).as(procedure)
          .doesNotThrowAnyException();
      for (String field : fields) {
        Map<String, Object> lacking = new HashMap<>(minimal);
        lacking.remove(field);
        assertThat(refusedField(form, lacking, Map.of())).as(procedure + " without " + field).isEqualTo(field);
        Map<String, Object> blank = new HashMap<>(minimal);
        blank.put(field, "");
        assertThat(refusedField(form, blank, Map.of())).as(procedure + " with blank " + field).isEqualTo(field);
      }
      // another section's required field is not asked for, and is refused if sent
      required.forEach((other, its) -> its.stream().filter(name -> !fields.contains(name)).forEach(name -> {
        Map<String, Object> foreign = new HashMap<>(minimal);
        foreign.put(name, ProcedureSamples.fields(other).get(name));
        assertThat(refusedField(form, foreign, Map.of())).as(procedure + " with " + other + "'s " + name)
            .isEqualTo(name);
      }));
    });
    // a certified copy needs at least one copy
    Map<String, Object> none = start("CERTIFIED_COPY");
    none.put("copyCount", 0);
    assertThat(refusedField(form, none, Map.of())).isEqualTo("copyCount");
  }

  @Test
  void patternsOfTheStartForm() {
    for (String bad : List.of("04520100012", "0452010001234", "04520100012a", "0452 0100 0123")) {
      Map<String, Object> v = start();
      v.put("idNumber", bad);
      assertThat(refusedField(form("receive-dossier"), v, Map.of())).as(bad).isEqualTo("idNumber");
    }
    Map<String, Object> v = start();
    v.put("phone", "12345");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("phone");
    v = start("DEATH_REGISTRATION");
    v.put("deceasedBirthYear", "19a0");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("deceasedBirthYear");
  }

  @Test
  void lengthsOfTheStartForm() {
    Map<String, Object> v = start();
    v.put("applicantName", "A");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("applicantName");
    v.put("applicantName", "A".repeat(101));
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("applicantName");
    v = start();
    v.put("applicantAddress", "x".repeat(301));
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("applicantAddress");
  }

  @Test
  void emailAndSelectOfTheStartForm() {
    Map<String, Object> v = start();
    v.put("email", "an@");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("email");
    v = start("NO_SUCH_PROCEDURE");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("procedureCode");
    v = start();
    v.put("channel", "FAX");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("channel");
  }

  @Test
  void valuesMustHaveTheTypeTheirComponentProduces() {
    Map<String, Object> v = start();
    v.put("verificationNeeded", "yes");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("verificationNeeded");
    v = start();
    v.put("applicantName", Map.of("first", "An"));
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("applicantName");
    assertThat(refusedField(form("return-result"), Map.of("resultHandedOver", true, "satisfaction", 4), CASE))
        .isEqualTo("satisfaction");
    assertThat(refusedField(form("issue-apology"), Map.of("apologyReason", "Chờ xác minh",
        "newAppointmentAt", "ngày mai"), CASE)).isEqualTo("newAppointmentAt");
    assertThatCode(() -> form("issue-apology").check(Map.of("apologyReason", "Chờ xác minh",
        "newAppointmentAt", "2026-12-10T10:00"), CASE, Set.of(), Mode.COMPLETE)).doesNotThrowAnyException();
  }

  @Test
  void aWriteOutsideCompletionSkipsRequiredButKeepsEveryOtherRule() {
    assertThatCode(() -> form("appraise-dossier").check(Map.of("appraisalOpinion", "Nháp"), CASE, Set.of(), Mode.WRITE))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> form("appraise-dossier").check(Map.of("applicantName", "X"), CASE, Set.of(), Mode.WRITE))
        .isInstanceOf(ContractViolation.class);
  }

  @Test
  void namesAllowedByTheCallerPass() {
    Map<String, Object> v = start();
    v.put("unitCode", "dongha");
    assertThat(refusedField(form("receive-dossier"), v, Map.of())).isEqualTo("unitCode");
    assertThatCode(() -> form("receive-dossier").check(v, Map.of(), Set.of("unitCode"), Mode.COMPLETE))
        .doesNotThrowAnyException();
  }

  @Test
  void numberBoundsAndGroupsFromASchema() throws IOException {
    FormContract contract = FormContract.parse(new ObjectMapper().readTree("""
        {"id":"test","components":[
          {"type":"number","key":"amount","validate":{"min":1,"max":10,"required":true}},
          {"type":"group","conditional":{"hide":"=amount > 5"},"components":[
            {"type":"textfield","key":"note","validate":{"validationType":"phone"}}]},
          {"type":"checklist","key":"items","values":[{"value":"a"},{"value":"b"}]},
          {"type":"textfield","key":"locked","disabled":true}]}"""));
    assertThat(contract.editableKeys()).containsExactly("amount", "note", "items");
    assertThat(refusedField(contract, Map.of("amount", 0), Map.of())).isEqualTo("amount");
    assertThat(refusedField(contract, Map.of("amount", 10.5), Map.of())).isEqualTo("amount");
    assertThat(refusedField(contract, Map.of("amount", "3"), Map.of())).isEqualTo("amount");
    assertThat(refusedField(contract, Map.of("amount", 7, "note", "+84912345678"), Map.of())).isEqualTo("note");
    assertThat(refusedField(contract, Map.of("amount", 3, "note", "0912"), Map.of())).isEqualTo("note");
    assertThat(refusedField(contract, Map.of("amount", 3, "items", List.of("a", "c")), Map.of())).isEqualTo("items");
    assertThat(refusedField(contract, Map.of("amount", 3, "locked", "x"), Map.of())).isEqualTo("locked");
    assertThatCode(() -> contract.check(Map.of("amount", 3, "note", "+84912345678", "items", List.of("a", "b")),
        Map.of(), Set.of(), Mode.COMPLETE)).doesNotThrowAnyException();
  }
}
