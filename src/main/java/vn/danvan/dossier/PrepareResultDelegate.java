package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.danvan.procedure.Procedure;

/** "Lập kết quả giải quyết": the result document and, for births, marriages and deaths, the chairman's letter. */
@Component
class PrepareResultDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PrepareResultDelegate.class);

  private final DossierService dossiers;
  private final DossierDocuments documents;

  PrepareResultDelegate(DossierService dossiers, DossierDocuments documents) {
    this.dossiers = dossiers;
    this.documents = documents;
  }

  private static boolean courtesyLetterPossible(DelegateExecution execution, Procedure procedure) {
    return !"CONDOLENCE".equals(procedure.courtesyLetterKind()) || Variables.text(execution, DossierProcess.VAR_DECEASED_NAME) != null;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.required(execution, VAR_DOSSIER_CODE);
    Dossier dossier = dossiers.find(code).orElseThrow();
    Procedure procedure = dossiers.procedure(code, Variables.flag(execution, VAR_VERIFICATION_NEEDED));
    String leader = Variables.required(execution, VAR_APPROVED_BY);
    execution.setVariable(VAR_RESULT_DOCUMENT, documents.result(execution, dossier, procedure, leader));
    if (procedure.courtesyLetter().isPresent() && !courtesyLetterPossible(execution, procedure)) {
      // A condolence letter names the deceased; a dossier filed without the name (the API does not
      // require it) gets its result without the letter rather than failing the leader's approval.
      LOG.info("Dossier {}: no condolence letter, the deceased's name was not given", code);
      execution.setVariable(VAR_HAS_COURTESY_LETTER, false);
    } else if (procedure.courtesyLetter().isPresent()) {
      String chairman = Variables.text(execution, VAR_CHAIRMAN);
      if (chairman == null) {
        // the unit has no chairman or acting chairman recorded (UnitOfficials): the approving leader signs the letter
        execution.setVariable(VAR_CHAIRMAN, leader);
        chairman = leader;
      }
      execution.setVariable(VAR_COURTESY_DOCUMENT, documents.courtesyLetter(execution, dossier, procedure, chairman));
    }
  }
}
