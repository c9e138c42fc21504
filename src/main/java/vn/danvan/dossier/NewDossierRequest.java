package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import vn.danvan.config.BadRequestException;
import vn.danvan.identity.Units;

/**
 * The body of {@code POST /api/dossiers}: what the one-stop officer enters for a complete dossier,
 * as the start variables of {@code dossierApproval} ({@link #variables}). It is validated where
 * every other start is, in the engine (the start form {@code receive-dossier} and
 * {@link DossierStartContract}), so the API and the REST and Tasklist starts obey one set of rules.
 *
 * <p>{@code procedureFields} carries the procedure's own data by the keys of its section of the
 * start form (a birth registration's {@code childName}, a certified copy's {@code copyCount}): a
 * procedure added as data needs no new field here, and the start form's contract accepts only the
 * section of the procedure named (the others are hidden for it). The phone is stored as digits.
 */
record NewDossierRequest(String procedureCode, String unit, String applicantName, String idNumber, String phone,
    String email, String channel, String applicantAddress, String documentList, Boolean verificationNeeded,
    String deceasedName, String deceasedBirthYear, String deathDate, Map<String, Object> procedureFields) {

  /** A request without procedure fields beyond a death registration's. */
  NewDossierRequest(String procedureCode, String unit, String applicantName, String idNumber, String phone,
      String email, String channel, String applicantAddress, String documentList, Boolean verificationNeeded,
      String deceasedName, String deceasedBirthYear, String deathDate) {
    this(procedureCode, unit, applicantName, idNumber, phone, email, channel, applicantAddress, documentList,
        verificationNeeded, deceasedName, deceasedBirthYear, deathDate, null);
  }

  /** The longest free text our API takes where no form says otherwise (a withdrawal reason). */
  static final int MAX_TEXT = 1000;

  /** The names this request sets itself: a procedure field may not stand in for them. */
  private static final Set<String> OWN_FIELDS = Set.of(Units.VAR_UNIT_CODE, VAR_PROCEDURE_CODE, VAR_APPLICANT_NAME,
      VAR_ID_NUMBER, VAR_PHONE, VAR_CHANNEL, VAR_VERIFICATION_NEEDED, VAR_CHECK_RESULT, VAR_RECEIVING_OFFICER,
      VAR_EMAIL, VAR_ADDRESS, VAR_DOCUMENT_LIST, VAR_DECEASED_NAME, VAR_DECEASED_BIRTH_YEAR, VAR_DEATH_DATE);

  /** Start variables of a dossier found complete at the counter. */
  Map<String, Object> variables(String officer) {
    Map<String, Object> variables = new HashMap<>();
    if (procedureFields != null) {
      procedureFields.forEach((name, value) -> {
        if (OWN_FIELDS.contains(name)) {
          throw new BadRequestException("procedureFields." + name, "'procedureFields." + name
              + "' is a field of the request itself, not of the procedure");
        }
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
          throw new BadRequestException("procedureFields." + name, "'procedureFields." + name
              + "' must be a text, a number or true/false");
        }
        variables.put(name, value instanceof String text ? text.trim() : value);
      });
    }
    putIfPresent(variables, Units.VAR_UNIT_CODE, unit);
    putIfPresent(variables, VAR_PROCEDURE_CODE, procedureCode);
    putIfPresent(variables, VAR_APPLICANT_NAME, applicantName);
    putIfPresent(variables, VAR_ID_NUMBER, idNumber);
    putIfPresent(variables, VAR_PHONE, PhoneNumber.normalise(phone));
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
