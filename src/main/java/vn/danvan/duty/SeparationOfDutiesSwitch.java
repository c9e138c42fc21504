package vn.danvan.duty;

import java.util.Optional;

/**
 * Lets a process family switch separation of duties off for some of its cases (dossier approval:
 * per procedure, from the procedure catalogue). Separation is on whenever no switch answers.
 * Implementations read the case from the application's own tables, never from process variables,
 * which a task completion could set.
 */
public interface SeparationOfDutiesSwitch {

  /** Whether the case of this process instance separates duties; empty if this switch does not know it. */
  Optional<Boolean> separateDuties(String processDefinitionKey, String processInstanceId);
}
