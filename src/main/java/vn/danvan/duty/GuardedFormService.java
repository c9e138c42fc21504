package vn.danvan.duty;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service, whose task form submission (Tasklist's {@code submit-form}) reports
 * a {@link TaskGuard} refusal as a form validation error: Camunda's REST layer answers that with
 * 400 in every REST API (it answers other engine exceptions of a form submission with 500).
 *
 * <p>Internal API: it extends {@code FormServiceImpl} (the only way to replace an engine service) and
 * throws the engine's {@code FormFieldValidationException}, the one type the REST layer maps to 400.
 */
class GuardedFormService extends FormServiceImpl {

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    call(() -> {
      super.submitTaskForm(taskId, properties);
      return null;
    });
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return call(() -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      RuntimeException cause = TaskRefusedException.unwrap(e);
      if (cause instanceof TaskRefusedException refused) {
        throw new FormFieldValidationException(refused.field(), refused.getMessage(), refused);
      }
      throw e;
    }
  }
}
