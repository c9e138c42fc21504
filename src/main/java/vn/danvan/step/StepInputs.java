package vn.danvan.step;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The input parameters of a generic BPMN step (one a process owner configures through an element
 * template, such as signing a document or sending a notification): read as local variables of the
 * step, so two steps of one case never see each other's configuration. A missing required input is
 * a modelling error: the step fails with a message naming the input, and the case waits there
 * (retries, then an incident in Cockpit).
 */
public final class StepInputs {

  private final DelegateExecution execution;
  private final String step;

  /** @param step what the step is, for messages: "signing step" */
  public StepInputs(DelegateExecution execution, String step) {
    this.execution = execution;
    this.step = step;
  }

  /** The input's value; a missing or blank one fails the step. */
  public String required(String input) {
    String value = optional(input);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Input parameter '" + input + "' of the " + step + " is not set");
    }
    return value;
  }

  /** The input's value, or null if the step does not set it. */
  public String optional(String input) {
    Object value = execution.getVariableLocal(input);
    return value == null ? null : value.toString();
  }

  /** The value of the process variable whose name the (required) input holds; fails if it holds nothing. */
  public Object requiredVariable(String input) {
    String variable = required(input);
    Object value = execution.getVariable(variable);
    if (value == null) {
      throw new IllegalStateException("Variable " + variable + " named by input parameter '" + input + "' of the "
          + step + " holds nothing");
    }
    return value;
  }

  /** The value of the process variable whose name the input holds, or null (input not set or variable empty). */
  public Object optionalVariable(String input) {
    String variable = optional(input);
    return variable == null || variable.isBlank() ? null : execution.getVariable(variable);
  }
}
