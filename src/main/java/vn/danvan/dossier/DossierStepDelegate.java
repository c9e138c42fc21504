package vn.danvan.dossier;

import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * What every service step of {@code dossierApproval} is: the dossier's typed variables handed to
 * one method of {@link DossierApplicationService}. A delegate names the method and nothing else, as
 * {@code super(steps::requestSupplement)}; the bean name is what the diagram's
 * {@code camunda:delegateExpression} refers to.
 */
abstract class DossierStepDelegate implements JavaDelegate {

  private final Consumer<DossierVariables> step;

  DossierStepDelegate(Consumer<DossierVariables> step) {
    this.step = step;
  }

  @Override
  public void execute(DelegateExecution execution) {
    step.accept(new DossierVariables(execution));
  }
}
