package vn.danvan.duty;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Separation of duties for steps that are not user tasks, where the acting user is named by the
 * step (the signing step signs as the approver): the step's {@code separateFrom} extension
 * property names the earlier tasks whose actors may not act here. User tasks get the same rule
 * from the {@link TaskGuard} without calling this.
 */
@Component
public class SeparationOfDuties {

  private final TaskRules rules;

  SeparationOfDuties(TaskGuardPlugin plugin) {
    this.rules = plugin.rules();
  }

  /** Refuses with a {@link TaskRefusedException} if {@code user} did a task this step is separated from. */
  public void checkActor(DelegateExecution execution, String user) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element == null) {
      return;
    }
    String separateFrom = property(element, TaskRules.SEPARATE_FROM);
    rules.checkSeparation(processKey(element), execution.getProcessInstanceId(), element.getId(),
        TaskRules.ids(separateFrom), user);
  }

  private static String property(FlowElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (name.equals(property.getCamundaName())) {
          return property.getCamundaValue();
        }
      }
    }
    return null;
  }

  private static String processKey(ModelElementInstance element) {
    for (ModelElementInstance parent = element; parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Process process) {
        return process.getId();
      }
    }
    return null;
  }
}
