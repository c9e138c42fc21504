package vn.danvan.duty;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a {@link TaskGuard} to every user task of every deployed process, and refuses a deployment
 * whose user task names a candidate group that does not work on its process in the grants file
 * (the element and the attribute named in the 400). Camunda offers no public API for either: a
 * parse listener on the engine's parsed model is the documented extension point, so the impl
 * classes stay in this one class.
 */
class TaskGuardParseListener extends AbstractBpmnParseListener {

  private static final String[] EVENTS = {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
      TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE};

  private final TaskRules rules;

  TaskGuardParseListener(TaskRules rules) {
    this.rules = rules;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    for (Expression group : definition.getCandidateGroupIdExpressions()) {
      String text = group.getExpressionText();
      boolean literal = !text.contains("${") && !text.contains("#{");
      if (literal && !rules.grants().works(processKey, text.strip())) {
        throw new TaskRefusedException("candidateGroups", "user task " + activity.getId() + " of process " + processKey
            + ": role '" + text.strip() + "' has no grant for this process in security/process-grants.yaml"
            + " (who works on a process is set by the operator, not by the diagram)");
      }
    }
    TaskGuard guard = new TaskGuard(rules, processKey, TaskRules.ids(property(userTaskElement, TaskRules.SEPARATE_FROM)));
    for (String event : EVENTS) {
      definition.addBuiltInTaskListener(event, guard);
    }
  }

  /** The value of a {@code camunda:property} in the element's extension elements, or null. */
  static String property(Element element, String name) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    for (Element properties : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
      for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        if (name.equals(property.attribute("name"))) {
          return property.attribute("value");
        }
      }
    }
    return null;
  }
}
