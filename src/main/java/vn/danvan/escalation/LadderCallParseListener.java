package vn.danvan.escalation;

import static vn.danvan.escalation.EscalationLadder.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Checks at deployment every call activity of {@code escalationLadder} in a diagram, so that a
 * process owner learns of a wrong ladder when deploying, not when a step first overruns:
 *
 * <ul>
 *   <li>inputs only by explicit {@code camunda:in} mappings, no {@code variables="all"} (the case's
 *       personal data stays in the case);
 *   <li>the four inputs {@code caseKey}, {@code stepId}, {@code stepDueAt} and {@code ladder} are mapped;
 *   <li>{@code stepId} is a literal id of an activity of the same process (never a label);
 *   <li>a literal {@code ladder} parses ({@link LadderSpec}); one given by an expression is checked
 *       when the ladder starts.
 * </ul>
 *
 * It also adds to the watched step the listener that stops the ladder when the step ends
 * ({@link StepDoneListener}).
 *
 * Engine parser types (impl) on purpose: parse listeners are Camunda's hook for checks at deployment,
 * and the task guard and start contracts use the same one.
 */
class LadderCallParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
    walk(processElement, definition);
  }

  private void walk(Element scope, ProcessDefinitionEntity definition) {
    for (Element element : scope.elements()) {
      if ("callActivity".equals(element.getTagName()) && KEY.equals(element.attribute("calledElement"))) {
        check(element, definition);
      }
      if ("subProcess".equals(element.getTagName()) || "transaction".equals(element.getTagName())) {
        walk(element, definition);
      }
    }
  }

  private static void check(Element call, ProcessDefinitionEntity definition) {
    String where = "call activity " + call.attribute("id") + " of process " + definition.getKey() + ": ";
    Map<String, Element> inputs = new HashMap<>();
    Element extensions = call.element("extensionElements");
    List<Element> ins = extensions == null ? List.of() : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in");
    for (Element in : ins) {
      if (in.attribute("variables") != null) {
        throw new LadderCallRefusedException(where + "camunda:in variables=\"" + in.attribute("variables")
            + "\" would copy the case's variables into " + KEY + "; map its inputs one by one");
      }
      if (in.attribute("target") != null) {
        inputs.put(in.attribute("target"), in);
      }
    }
    for (String input : List.of(IN_CASE_KEY, IN_STEP_ID, IN_STEP_DUE_AT, IN_LADDER)) {
      if (!inputs.containsKey(input)) {
        throw new LadderCallRefusedException(where + "input '" + input + "' is not mapped (camunda:in target=\""
            + input + "\")");
      }
    }
    String stepId = literal(inputs.get(IN_STEP_ID));
    if (stepId == null) {
      throw new LadderCallRefusedException(where + "input '" + IN_STEP_ID
          + "' must be the literal BPMN id of the overrunning step (camunda:in sourceExpression=\"Task_…\")");
    }
    ActivityImpl step = definition.findActivity(stepId.strip());
    if (step == null) {
      throw new LadderCallRefusedException(where + "input '" + IN_STEP_ID + "': '" + stepId
          + "' is not an activity of this process");
    }
    // the ladder ends the moment its step does (once per step, however many calls watch it)
    if (step.getListeners(ExecutionListener.EVENTNAME_END).stream().noneMatch(StepDoneListener.class::isInstance)) {
      step.addListener(ExecutionListener.EVENTNAME_END, new StepDoneListener());
    }
    String ladder = literal(inputs.get(IN_LADDER));
    if (ladder != null) {
      try {
        LadderSpec.parse(ladder);
      } catch (LadderSpec.InvalidLadderException e) {
        throw new LadderCallRefusedException(where + "input '" + IN_LADDER + "': " + e.getMessage());
      }
    }
  }

  /** The mapping's text when it is a literal sourceExpression, else null. */
  private static String literal(Element in) {
    String text = in.attribute("sourceExpression");
    return text == null || text.contains("${") || text.contains("#{") ? null : text;
  }
}
