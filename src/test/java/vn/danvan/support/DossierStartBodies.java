package vn.danvan.support;

/** Bodies of {@code POST /engine-rest/process-definition/key/dossierApproval/start} that the start form accepts. */
public final class DossierStartBodies {

  private DossierStartBodies() {}

  /**
   * A complete certified-copy dossier, every field the start form requires (its section's from
   * {@link ProcedureSamples}), plus
   * {@code extraVariables} (a JSON fragment starting with a comma; a repeated name overrides).
   */
  public static String complete(String extraVariables) {
    return "{\"variables\": {"
        + "\"procedureCode\": {\"value\": \"CERTIFIED_COPY\"},"
        + "\"applicantName\": {\"value\": \"Nguyễn Văn An\"},"
        + "\"idNumber\": {\"value\": \"045201000123\"},"
        + "\"phone\": {\"value\": \"0912345678\"},"
        + "\"channel\": {\"value\": \"COUNTER\"},"
        + "\"documentList\": {\"value\": \"Bản chính, bản sao\"},"
        + "\"checkResult\": {\"value\": \"COMPLETE\"}"
        + ProcedureSamples.engineVariables("CERTIFIED_COPY")
        + extraVariables + "}}";
  }
}
