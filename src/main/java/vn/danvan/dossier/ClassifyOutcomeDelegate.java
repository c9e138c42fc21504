package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Xếp loại kết quả đúng hẹn": early, on time or late against the appointment in force. */
@Component
class ClassifyOutcomeDelegate implements JavaDelegate {

  private final DossierService dossiers;

  ClassifyOutcomeDelegate(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Outcome outcome = dossiers.returned(Variables.required(execution, VAR_DOSSIER_CODE),
        Variables.integer(execution, VAR_SATISFACTION), Variables.text(execution, "returnedBy"));
    execution.setVariable(VAR_OUTCOME, outcome.name());
  }
}
