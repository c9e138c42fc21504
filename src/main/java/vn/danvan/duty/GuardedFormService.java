package vn.danvan.duty;

import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service, whose task form submission (Tasklist's {@code submit-form}) reports
 * a {@link TaskGuard} refusal as the {@link TaskRefusedException} itself, like {@link
 * GuardedTaskService} does for completion.
 */
class GuardedFormService extends FormServiceImpl {

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    GuardedTaskService.run(() -> super.submitTaskForm(taskId, properties));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return GuardedTaskService.call(() -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
  }
}
