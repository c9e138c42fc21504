package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.danvan.config.BadRequestException;
import vn.danvan.identity.Units;
import vn.danvan.procedure.Channel;

/**
 * The body of {@code POST /api/dossiers}: what the one-stop officer enters for a complete dossier.
 * {@link #validate} checks every field before anything is started and names the first field at
 * fault; {@link #variables} gives the start variables of {@code dossierApproval}.
 */
record NewDossierRequest(String procedureCode, String unit, String applicantName, String idNumber, String phone,
    String email, String channel, String applicantAddress, String documentList, Boolean verificationNeeded) {

  static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");
  static final Pattern PHONE = Pattern.compile("(\\+84|0)\\d{9,10}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  static final int MAX_TEXT = 1000;

  /** @param knownProcedure whether the procedure catalogue knows a code */
  void validate(Predicate<String> knownProcedure) {
    required("unit", unit);
    required("procedureCode", procedureCode);
    if (!knownProcedure.test(procedureCode.trim())) {
      throw new BadRequestException("procedureCode", "Unknown procedure");
    }
    required("applicantName", applicantName);
    length("applicantName", applicantName, 200);
    if (idNumber == null || !ID_NUMBER.matcher(idNumber.trim()).matches()) {
      throw new BadRequestException("idNumber", "The ID number (căn cước) has exactly 12 digits");
    }
    if (phone == null || !PHONE.matcher(phone.trim()).matches()) {
      throw new BadRequestException("phone", "A Vietnamese phone number: 0 or +84 followed by 9 or 10 digits");
    }
    if (email != null && !email.isBlank() && (!EMAIL.matcher(email.trim()).matches() || email.length() > 254)) {
      throw new BadRequestException("email", "Not a valid e-mail address");
    }
    if (channel == null || !isChannel(channel)) {
      throw new BadRequestException("channel", "Channel is COUNTER, ONLINE or POSTAL");
    }
    length("applicantAddress", applicantAddress, MAX_TEXT);
    length("documentList", documentList, MAX_TEXT);
  }

  /** Start variables of a dossier found complete at the counter. */
  Map<String, Object> variables(String officer) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Units.VAR_UNIT_CODE, unit.trim());
    variables.put(VAR_PROCEDURE_CODE, procedureCode.trim());
    variables.put(VAR_APPLICANT_NAME, applicantName.trim());
    variables.put(VAR_ID_NUMBER, idNumber.trim());
    variables.put(VAR_PHONE, phone.trim());
    variables.put(VAR_CHANNEL, channel);
    variables.put(VAR_VERIFICATION_NEEDED, Boolean.TRUE.equals(verificationNeeded));
    variables.put(VAR_CHECK_RESULT, CHECK_COMPLETE);
    variables.put(VAR_RECEIVING_OFFICER, officer);
    putIfPresent(variables, VAR_EMAIL, email);
    putIfPresent(variables, VAR_ADDRESS, applicantAddress);
    putIfPresent(variables, VAR_DOCUMENT_LIST, documentList);
    return variables;
  }

  private static boolean isChannel(String value) {
    for (Channel c : Channel.values()) {
      if (c.name().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field, "'" + field + "' is required");
    }
  }

  private static void length(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new BadRequestException(field, "'" + field + "' is longer than " + max + " characters");
    }
  }

  private static void putIfPresent(Map<String, Object> variables, String name, String value) {
    if (value != null && !value.isBlank()) {
      variables.put(name, value.trim());
    }
  }
}
