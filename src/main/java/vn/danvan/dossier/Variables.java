package vn.danvan.dossier;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reading of single variables for the two places that do not run as a step of the application
 * service ({@link DossierSteps}, {@link RecordOverdueStepDelegate}); the same parsing as
 * {@link DossierVariables}, which everything else uses.
 *
 * @deprecated use {@link DossierVariables}; kept while the due-date and escalation changes of
 *     parallel work rewrite its two users
 */
@Deprecated
final class Variables {

  private Variables() {}

  static String required(VariableScope scope, String name) {
    String value = DossierVariables.text(scope.getVariable(name));
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Variable '" + name + "' is required");
    }
    return value;
  }

  static boolean flag(VariableScope scope, String name) {
    return DossierVariables.flag(scope.getVariable(name));
  }
}
