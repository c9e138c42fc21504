package vn.danvan.trail;

import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.context.ExecutionContext;

/**
 * The BPMN activity the engine is executing on this thread, if any. Engine internals on purpose:
 * Camunda's public API hands the execution only to the delegate itself, and threading it through
 * every application-service method just to stamp the trail would put engine types into the case
 * layer's callers. This is the only class of the trail that touches {@code impl}.
 */
final class CurrentStep {

  private CurrentStep() {}

  /** The current activity id, or null outside a process step (e.g. a REST call that runs no step). */
  static String activityId() {
    ExecutionContext context = Context.getExecutionContext();
    if (context instanceof BpmnExecutionContext bpmn && bpmn.getExecution() != null) {
      return bpmn.getExecution().getActivityId();
    }
    return null;
  }
}
