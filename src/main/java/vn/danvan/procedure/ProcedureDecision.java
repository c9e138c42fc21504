package vn.danvan.procedure;

/**
 * The contract of the decision table {@code bpmn/procedureCatalogue.dmn}: its key, input variables
 * and output names, for business rule tasks ({@code camunda:decisionRef="procedureCatalogue"}) and
 * for the code that reads its results.
 */
public final class ProcedureDecision {

  public static final String KEY = "procedureCatalogue";

  /** Input: the procedure code (string). */
  public static final String IN_PROCEDURE_CODE = "procedureCode";
  /**
   * Input: the date the dossier was accepted, a {@code java.time.LocalDate}, {@code java.util.Date}
   * or an ISO date string ("2026-04-23"); the table applies FEEL {@code date()} to it.
   */
  public static final String IN_ACCEPTED_ON = "acceptedOn";
  /** Input: whether the dossier needs verification (boolean, never null). */
  public static final String IN_VERIFICATION_NEEDED = "verificationNeeded";

  public static final String OUT_CODE = "code";
  public static final String OUT_NAME = "name";
  public static final String OUT_COMPETENT_LEVEL = "competentLevel";
  public static final String OUT_DEADLINE_TYPE = "deadlineType";
  public static final String OUT_DEADLINE_AMOUNT = "deadlineAmount";
  public static final String OUT_BUDGET_UNIT = "budgetUnit";
  public static final String OUT_APPRAISE_BUDGET = "appraiseBudget";
  public static final String OUT_APPROVE_BUDGET = "approveBudget";
  public static final String OUT_SIGN_BUDGET = "signBudget";
  public static final String OUT_RESULT_DOCUMENT_KIND = "resultDocumentKind";
  public static final String OUT_COURTESY_LETTER_KIND = "courtesyLetterKind";
  public static final String OUT_LEGAL_BASIS = "legalBasis";
  public static final String OUT_SOURCE_TAG = "sourceTag";
  public static final String OUT_EFFECTIVE_FROM = "effectiveFrom";
  /** Optional boolean: false lets the appraiser also approve and sign; empty means true. */
  public static final String OUT_SEPARATE_DUTIES = "separateDuties";

  private ProcedureDecision() {}
}
