package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.config.BadRequestException;

class NewDossierRequestTest {

  static final Set<String> KNOWN = Set.of("CERTIFIED_COPY");

  static NewDossierRequest valid() {
    return new NewDossierRequest("CERTIFIED_COPY", "dongha", "Nguyễn Văn An", "045201000123", "0912345678",
        "an@example.vn", "COUNTER", "12 Lê Duẩn", "Bản chính", null);
  }

  @Test
  void acceptsACompleteDossier() {
    assertThatCode(() -> valid().validate(KNOWN::contains)).doesNotThrowAnyException();
    var variables = valid().variables("dongha.officer");
    assertThat(variables).containsEntry("unitCode", "dongha").containsEntry("checkResult", "COMPLETE")
        .containsEntry("receivingOfficer", "dongha.officer").containsEntry("verificationNeeded", false)
        .containsEntry("idNumber", "045201000123");
  }

  @ParameterizedTest
  @ValueSource(strings = {"04520100012", "0452010001234", "04520100012a", ""})
  void refusesAnIdNumberThatIsNotTwelveDigits(String idNumber) {
    assertField(with(idNumber, "0912345678", "COUNTER", "CERTIFIED_COPY", null), "idNumber");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "0912 345 678", "+8491234567890", "84912345678", "091234567"})
  void refusesAPhoneThatIsNotVietnamese(String phone) {
    assertField(with("045201000123", phone, "COUNTER", "CERTIFIED_COPY", null), "phone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0912345678", "+84912345678", "02333123456"})
  void acceptsVietnamesePhones(String phone) {
    assertThatCode(() -> with("045201000123", phone, "COUNTER", "CERTIFIED_COPY", null).validate(KNOWN::contains))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesUnknownProcedureChannelAndEmail() {
    assertField(with("045201000123", "0912345678", "COUNTER", "NO_SUCH", null), "procedureCode");
    assertField(with("045201000123", "0912345678", "FAX", "CERTIFIED_COPY", null), "channel");
    assertField(with("045201000123", "0912345678", null, "CERTIFIED_COPY", null), "channel");
    assertField(with("045201000123", "0912345678", "COUNTER", "CERTIFIED_COPY", "an@"), "email");
  }

  @Test
  void requiresUnitProcedureAndName() {
    assertField(new NewDossierRequest("CERTIFIED_COPY", " ", "An", "045201000123", "0912345678", null, "COUNTER",
        null, null, null), "unit");
    assertField(new NewDossierRequest(null, "dongha", "An", "045201000123", "0912345678", null, "COUNTER",
        null, null, null), "procedureCode");
    assertField(new NewDossierRequest("CERTIFIED_COPY", "dongha", "", "045201000123", "0912345678", null, "COUNTER",
        null, null, null), "applicantName");
  }

  private static NewDossierRequest with(String idNumber, String phone, String channel, String procedure, String email) {
    return new NewDossierRequest(procedure, "dongha", "Nguyễn Văn An", idNumber, phone, email, channel, null, null, null);
  }

  private static void assertField(NewDossierRequest request, String field) {
    assertThatThrownBy(() -> request.validate(KNOWN::contains)).isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).field()).isEqualTo(field));
  }
}
