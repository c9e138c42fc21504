package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * A procedure is data: a catalogue row ({@code bpmn/procedureCatalogue.dmn}), its section of the
 * start form ({@code forms/receive-dossier.form}) and the result template its row names
 * ({@code documents/templates/*.yaml}). This test fails as soon as they differ ({@link ProcedureFiles}):
 * a code in one and not the other, a label that is not the catalogue's Vietnamese name, a procedure
 * without its section or its template, a template placeholder nothing fills. It also holds the forms
 * to what a person reads: words, not codes or regular expressions.
 */
class ReceiveDossierFormTest {

  @Test
  void procedureOptionsAreTheCataloguesCodesWithItsNames() throws Exception {
    assertThat(formOptions()).isEqualTo(catalogueNames());
  }

  @Test
  void everyProcedureHasItsSectionOfTheStartFormAndItsResultTemplateAndNothingIsUnfed() {
    assertThat(ProcedureFiles.shipped().problems()).isEmpty();
  }

  @Test
  void eachSectionShowsForItsOwnProcedureOnly() {
    ProcedureFiles files = ProcedureFiles.shipped();
    assertThat(files.ownFields("BIRTH_REGISTRATION")).contains("childName", "childSex", "childBirthDate",
        "childBirthPlace", "motherName", "fatherName").doesNotContain("documentName", "deceasedName");
    assertThat(files.ownFields("CERTIFIED_COPY")).containsExactlyInAnyOrder("documentName", "copyCount");
    assertThat(files.ownFields("DEATH_REGISTRATION")).containsExactlyInAnyOrder("deceasedName", "deceasedBirthYear",
        "deathDate");
    assertThat(files.ownFields("LAND_TRANSFER_REGISTRATION")).contains("parcelNumber", "transferorName",
        "transfereeName");
    assertThat(files.ownFields("LAND_FIRST_REGISTRATION")).contains("parcelNumber").doesNotContain("transferorName");
    assertThat(files.ownFields("RESIDENCE_CONFIRMATION")).contains("residenceAddress", "residenceType");
  }

  @Test
  void filesOutOfStepAreFoundNamingTheProcedure() throws Exception {
    ProcedureFiles shipped = ProcedureFiles.shipped();
    // the residence section removed from the form
    JsonNode form = shipped.startForm.deepCopy();
    var components = (com.fasterxml.jackson.databind.node.ArrayNode) form.path("components");
    for (int i = components.size() - 1; i >= 0; i--) {
      if ("Group_RESIDENCE_CONFIRMATION".equals(components.get(i).path("id").asText())) {
        components.remove(i);
      }
    }
    assertThat(new ProcedureFiles(shipped.catalogue, form, shipped.templates).problems())
        .anyMatch(p -> p.startsWith("RESIDENCE_CONFIRMATION: the start form has no section of its own"))
        .anyMatch(p -> p.startsWith("RESIDENCE_CONFIRMATION: documents/templates/residence-confirmation.yaml uses [residenceAddress"));
    // a template missing, and one using a placeholder nothing fills
    assertThat(new ProcedureFiles(shipped.catalogue, shipped.startForm, kind -> switch (kind.name()) {
      case "CERTIFIED_COPY" -> null;
      case "BIRTH_CERTIFICATE" -> "body: |\n  Họ tên: {childName}, cân nặng: {childWeight}\n";
      default -> shipped.templates.apply(kind);
    }).problems()).containsExactlyInAnyOrder(
        "CERTIFIED_COPY: its result template documents/templates/certified-copy.yaml does not exist",
        "BIRTH_REGISTRATION: documents/templates/birth-certificate.yaml uses [childWeight], neither a field the start"
            + " form shows for it nor a value the result is given");
  }

  @Test
  void everyPatternSaysInWordsWhatToTypeAndEveryDateSaysWhatItIs() throws Exception {
    for (String name : formNames()) {
      JsonNode form = read("/forms/" + name);
      for (JsonNode field : form.findParents("key")) {
        String where = name + "." + field.path("key").asText();
        if (field.path("validate").hasNonNull("pattern")) {
          // form-js's own message would show the expression; ours says "see the hint below the field"
          assertThat(field.path("description").asText()).as(where).isNotBlank();
        }
        if ("datetime".equals(field.path("type").asText())) {
          assertThat(field.path("label").asText()).as(where).isNotBlank();
          assertThat(field.path("description").asText()).as(where).isNotBlank();
        }
      }
    }
  }

  @Test
  void readOnlyFieldsShowNamesNotCodes() throws Exception {
    // a variable holding a decision or procedure code is one some form offers as options
    java.util.Set<String> coded = new java.util.TreeSet<>();
    for (String name : formNames()) {
      read("/forms/" + name).findParents("key").stream().filter(f -> f.has("values"))
          .forEach(f -> coded.add(f.path("key").asText()));
    }
    assertThat(coded).contains("procedureCode", "appraisalResult", "approvalDecision");
    for (String name : formNames()) {
      for (JsonNode field : read("/forms/" + name).findParents("key")) {
        boolean readonly = field.path("readonly").asBoolean() || field.path("disabled").asBoolean();
        if (readonly) {
          assertThat(coded).as(name + " shows the code of " + field.path("key").asText()).doesNotContain(
              field.path("key").asText());
        }
      }
    }
    JsonNode approve = read("/forms/approve-result.form");
    String proposal = approve.findParents("id").stream().filter(c -> "Text_appraisalResult".equals(c.path("id").asText()))
        .findFirst().orElseThrow().path("text").asText();
    // the leader reads the specialist's proposal in the words of the appraisal form's options
    for (JsonNode option : field(read("/forms/appraise-dossier.form"), "appraisalResult").path("values")) {
      assertThat(proposal).contains("appraisalResult = \"" + option.path("value").asText() + "\" then \""
          + option.path("label").asText() + "\"");
    }
  }

  @Test
  void aPhoneIsAcceptedWithSpacesAndDotsAndNothingElse() throws Exception {
    vn.danvan.contract.FormContract form = vn.danvan.contract.FormContract.parse(read("/forms/receive-dossier.form"));
    for (String phone : java.util.List.of("0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "02333852123")) {
      form.check(Map.of("phone", phone), Map.of(), java.util.Set.of(), vn.danvan.contract.FormContract.Mode.WRITE);
    }
    for (String phone : java.util.List.of("0912-345-678", "912345678", "0912 345 67a", "0912  345 678")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> form.check(Map.of("phone", phone), Map.of(),
          java.util.Set.of(), vn.danvan.contract.FormContract.Mode.WRITE)).as(phone)
          .isInstanceOf(vn.danvan.contract.ContractViolation.class);
    }
    assertThat(PhoneNumber.normalise(" 0912 345.678 ")).isEqualTo("0912345678");
    assertThat(PhoneNumber.normalise("+84 912 345 678")).isEqualTo("0912345678");
  }

  @Test
  void onlyTheChosenProceduresSectionIsAcceptedAndItsRequiredFieldsOnlyForIt() throws Exception {
    vn.danvan.contract.FormContract form = vn.danvan.contract.FormContract.parse(read("/forms/receive-dossier.form"));
    Map<String, Object> copy = new java.util.HashMap<>(Map.of("procedureCode", "CERTIFIED_COPY", "applicantName",
        "Nguyễn Văn An", "idNumber", "045201000123", "phone", "0912345678", "channel", "COUNTER", "documentList",
        "Bản chính", "checkResult", "COMPLETE", "documentName", "Bằng tốt nghiệp", "copyCount", 3));
    form.check(copy, Map.of(), java.util.Set.of(), vn.danvan.contract.FormContract.Mode.COMPLETE);
    copy.put("childName", "Lê Gia Hân");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> form.check(copy, Map.of(), java.util.Set.of(),
        vn.danvan.contract.FormContract.Mode.COMPLETE)).isInstanceOf(vn.danvan.contract.ContractViolation.class)
        .hasMessageContaining("childName").hasMessageContaining("đang ẩn");
    copy.remove("childName");
    copy.put("procedureCode", "DEATH_REGISTRATION");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> form.check(copy, Map.of(), java.util.Set.of(),
        vn.danvan.contract.FormContract.Mode.COMPLETE)).isInstanceOf(vn.danvan.contract.ContractViolation.class)
        .hasMessageContaining("đang ẩn").hasMessageContaining("chứng thực");
    // and a death registration's required name is required for it only
    copy.remove("documentName");
    copy.remove("copyCount");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> form.check(copy, Map.of(), java.util.Set.of(),
        vn.danvan.contract.FormContract.Mode.COMPLETE)).hasMessageContaining("deceasedName");
  }

  @Test
  void theResultReadsTheFieldsInWords() throws Exception {
    vn.danvan.contract.FormContract form = vn.danvan.contract.FormContract.parse(read("/forms/receive-dossier.form"));
    assertThat(form.readableValues(Map.of("childSex", "FEMALE", "childBirthDate", "2026-03-05", "copyCount", 3.0,
        "transferKind", "GIFT", "childName", "Lê Gia Hân"))).containsEntry("childSex", "Nữ")
        .containsEntry("childBirthDate", "5/3/2026").containsEntry("copyCount", "3").containsEntry("transferKind", "Tặng cho")
        .containsEntry("childName", "Lê Gia Hân").doesNotContainKey("fatherName");
  }

  private static java.util.List<String> formNames() throws Exception {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".form")).sorted().toList();
    }
  }

  @Test
  void valuesTheDelegatesNeedAreRequiredWhereTheFormShowsThem() throws Exception {
    for (String[] formAndField : new String[][] {{"receive-dossier", "missingItems"}, {"receive-dossier", "refusalReasons"},
        {"appraise-dossier", "missingItems"}, {"approve-result", "refusalReasons"}, {"receive-supplement", "refusalReasons"}}) {
      JsonNode field = field(read("/forms/" + formAndField[0] + ".form"), formAndField[1]);
      assertThat(field.path("validate").path("required").asBoolean()).as(String.join(".", formAndField)).isTrue();
      assertThat(field.path("conditional").path("hide").asText()).as(String.join(".", formAndField)).isNotBlank();
    }
  }

  private static Map<String, String> formOptions() throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode value : field(read("/forms/receive-dossier.form"), "procedureCode").path("values")) {
      options.put(value.path("value").asText(), value.path("label").asText());
    }
    return options;
  }

  /** Code → name over every row of the table (several dated or verification rows share a code and name). */
  private static Map<String, String> catalogueNames() throws Exception {
    DmnModelInstance model;
    try (InputStream in = ReceiveDossierFormTest.class.getResourceAsStream("/bpmn/procedureCatalogue.dmn")) {
      model = Dmn.readModelFromStream(in);
    }
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    var outputs = table.getOutputs().stream().map(Output::getName).toList();
    int code = outputs.indexOf("code");
    int name = outputs.indexOf("name");
    Map<String, String> names = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      var entries = rule.getOutputEntries().stream().map(e -> unquote(e.getTextContent())).toList();
      String previous = names.putIfAbsent(entries.get(code), entries.get(name));
      assertThat(previous == null || previous.equals(entries.get(name))).as("one name per code: " + entries.get(code)).isTrue();
    }
    return names;
  }

  private static String unquote(String feel) {
    String text = feel.trim();
    return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }

  private static JsonNode read(String resource) throws Exception {
    try (InputStream in = ReceiveDossierFormTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static JsonNode field(JsonNode components, String key) {
    for (JsonNode component : components.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
      JsonNode inner = field(component, key);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }
}
