package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.util.HashMap;
import java.util.Map;
import vn.danvan.identity.Units;

/**
 * The body of {@code POST /api/dossiers}: what the one-stop officer enters for a complete dossier,
 * as the start variables of {@code dossierApproval} ({@link #variables}). It is validated where
 * every other start is, in the engine (the start form {@code receive-dossier} and
 * {@link DossierStartContract}), so the API and the REST and Tasklist starts obey one set of rules.
 */
record NewDossierRequest(String procedureCode, String unit, String applicantName, String idNumber, String phone,
    String email, String channel, String applicantAddress, String documentList, Boolean verificationNeeded,
    String deceasedName, String deceasedBirthYear, String deathDate) {

  /** The longest free text our API takes where no form says otherwise (a withdrawal reason). */
  static final int MAX_TEXT = 1000;

  /** Start variables of a dossier found complete at the counter. */
  Map<String, Object> variables(String officer) {
    Map<String, Object> variables = new HashMap<>();
    putIfPresent(variables, Units.VAR_UNIT_CODE, unit);
    putIfPresent(variables, VAR_PROCEDURE_CODE, procedureCode);
    putIfPresent(variables, VAR_APPLICANT_NAME, applicantName);
    putIfPresent(variables, VAR_ID_NUMBER, idNumber);
    putIfPresent(variables, VAR_PHONE, phone);
    if (channel != null) {
      variables.put(VAR_CHANNEL, channel);
    }
    variables.put(VAR_VERIFICATION_NEEDED, Boolean.TRUE.equals(verificationNeeded));
    variables.put(VAR_CHECK_RESULT, CHECK_COMPLETE);
    variables.put(VAR_RECEIVING_OFFICER, officer);
    putIfPresent(variables, VAR_EMAIL, email);
    putIfPresent(variables, VAR_ADDRESS, applicantAddress);
    putIfPresent(variables, VAR_DOCUMENT_LIST, documentList);
    // A death registration's own fields; the start form requires them for that procedure only.
    putIfPresent(variables, VAR_DECEASED_NAME, deceasedName);
    putIfPresent(variables, VAR_DECEASED_BIRTH_YEAR, deceasedBirthYear);
    putIfPresent(variables, VAR_DEATH_DATE, deathDate);
    return variables;
  }

  private static void putIfPresent(Map<String, Object> variables, String name, String value) {
    if (value != null && !value.isBlank()) {
      variables.put(name, value.trim());
    }
  }
}
