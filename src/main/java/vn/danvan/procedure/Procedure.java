package vn.danvan.procedure;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One administrative procedure of the one-stop counter as the catalogue ({@code
 * bpmn/procedureCatalogue.dmn}) states it for a given acceptance date: who decides it, its
 * statutory deadline, the budgets of its internal steps and what the citizen receives.
 *
 * @param code stable code, e.g. {@code BIRTH_REGISTRATION}
 * @param name Vietnamese name, e.g. "Đăng ký khai sinh"
 * @param competentLevel the level that decides it
 * @param deadline statutory processing time after the dossier is complete
 * @param appraiseBudget budget of the appraisal step (specialist)
 * @param approveBudget budget of the approval step (leader)
 * @param signBudget budget of stamping and digital signing (clerk)
 * @param resultDocumentKind the result document, e.g. {@code BIRTH_CERTIFICATE}
 * @param courtesyLetterKind {@code CONGRATULATION}, {@code CONDOLENCE} or null for none
 * @param legalBasis Vietnamese citation, e.g. "Luật Hộ tịch 2014, Điều 16"
 * @param sourceTag how the rule was confirmed: {@code V} statute, {@code S} secondary, {@code ?} unconfirmed
 * @param effectiveFrom first acceptance date this version of the rule applies to
 * @param separateDuties whether the user who appraised a dossier is barred from approving and
 *     signing it (separation of duties); true unless the catalogue row says false
 */
public record Procedure(String code, String name, CompetentLevel competentLevel, Deadline deadline,
    WorkingTime appraiseBudget, WorkingTime approveBudget, WorkingTime signBudget, String resultDocumentKind,
    String courtesyLetterKind, String legalBasis, String sourceTag, LocalDate effectiveFrom, boolean separateDuties) {

  /** A procedure with separation of duties on, the default. */
  public Procedure(String code, String name, CompetentLevel competentLevel, Deadline deadline,
      WorkingTime appraiseBudget, WorkingTime approveBudget, WorkingTime signBudget, String resultDocumentKind,
      String courtesyLetterKind, String legalBasis, String sourceTag, LocalDate effectiveFrom) {
    this(code, name, competentLevel, deadline, appraiseBudget, approveBudget, signBudget, resultDocumentKind,
        courtesyLetterKind, legalBasis, sourceTag, effectiveFrom, true);
  }

  public Optional<String> courtesyLetter() {
    return Optional.ofNullable(courtesyLetterKind);
  }

  /** Sum of the step budgets in working hours. */
  public int stepBudgetHours(int hoursPerWorkingDay) {
    return appraiseBudget.inWorkingHours(hoursPerWorkingDay) + approveBudget.inWorkingHours(hoursPerWorkingDay)
        + signBudget.inWorkingHours(hoursPerWorkingDay);
  }
}
