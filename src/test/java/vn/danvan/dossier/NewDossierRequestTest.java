package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The API body as start variables. Its fields are validated where every start is (the start form
 * {@code receive-dossier} and {@link DossierStartContract}): see {@code FormContractTest} and
 * {@code ContractIT}.
 */
class NewDossierRequestTest {

  @Test
  void givesTheStartVariablesOfACompleteDossier() {
    var variables = new NewDossierRequest(" CERTIFIED_COPY ", "dongha", " Nguyễn Văn An ", "045201000123",
        "0912345678", "an@example.vn", "COUNTER", "12 Lê Duẩn", "Bản chính", null, null, null, null)
        .variables("dongha.officer");
    assertThat(variables).containsEntry("unitCode", "dongha").containsEntry("checkResult", "COMPLETE")
        .containsEntry("receivingOfficer", "dongha.officer").containsEntry("verificationNeeded", false)
        .containsEntry("idNumber", "045201000123").containsEntry("procedureCode", "CERTIFIED_COPY")
        .containsEntry("applicantName", "Nguyễn Văn An").containsEntry("email", "an@example.vn");
  }

  @Test
  void leavesOutWhatWasNotSentSoThatTheStartFormNamesIt() {
    var variables = new NewDossierRequest("CERTIFIED_COPY", "dongha", null, " ", null, "", null, null, null, true, null, " ", null)
        .variables("dongha.officer");
    assertThat(variables).doesNotContainKeys("applicantName", "idNumber", "phone", "email", "channel",
        "applicantAddress", "documentList", "deceasedName", "deceasedBirthYear", "deathDate")
        .containsEntry("verificationNeeded", true);
  }

  @Test
  void carriesTheDeceasedOfADeathRegistration() {
    var variables = new NewDossierRequest("DEATH_REGISTRATION", "dongha", "Trần Thị Bình", "045201000123",
        "0912345678", null, "COUNTER", null, "Giấy báo tử", null, " Trần Văn Cường ", "1941", "2026-11-20")
        .variables("dongha.officer");
    assertThat(variables).containsEntry("deceasedName", "Trần Văn Cường").containsEntry("deceasedBirthYear", "1941")
        .containsEntry("deathDate", "2026-11-20");
  }

  @org.junit.jupiter.api.Test
  void procedureFieldsBecomeVariablesButNeverStandInForTheRequestsOwnAndThePhoneIsStoredAsDigits() {
    var variables = new NewDossierRequest("BIRTH_REGISTRATION", "dongha", "Lê Văn Toàn", "045201000123",
        "0912 345.678", null, "COUNTER", null, "Giấy chứng sinh", null, null, null, null,
        java.util.Map.of("childName", " Lê Gia Hân ", "copyCount", 2)).variables("dongha.officer");
    assertThat(variables).containsEntry("childName", "Lê Gia Hân").containsEntry("copyCount", 2)
        .containsEntry("phone", "0912345678");
    for (String own : java.util.List.of("receivingOfficer", "phone", "checkResult", "unitCode")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NewDossierRequest("BIRTH_REGISTRATION", "dongha",
          "Lê Văn Toàn", "045201000123", "0912345678", null, "COUNTER", null, "Giấy", null, null, null, null,
          java.util.Map.of(own, "x")).variables("dongha.officer"))
          .isInstanceOf(vn.danvan.config.BadRequestException.class).hasMessageContaining("procedureFields." + own);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NewDossierRequest("BIRTH_REGISTRATION", "dongha",
        "Lê Văn Toàn", "045201000123", "0912345678", null, "COUNTER", null, "Giấy", null, null, null, null,
        java.util.Map.of("childName", java.util.Map.of("x", 1))).variables("dongha.officer"))
        .isInstanceOf(vn.danvan.config.BadRequestException.class).hasMessageContaining("procedureFields.childName");
  }
}
