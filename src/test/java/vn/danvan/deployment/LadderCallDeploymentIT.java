package vn.danvan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.danvan.support.Http;
import vn.danvan.support.RunningApplicationTest;

/**
 * A process owner deploys a diagram that calls the escalation ladder, through the engine's REST API
 * as Camunda Modeler does: a call made as the element template makes it passes the deployment guard
 * (expression allow-list included); a wrong call is refused with a 400 that names the call activity
 * and the input, and nothing is deployed.
 */
class LadderCallDeploymentIT extends RunningApplicationTest {

  static final String RIGHT_IN = "<camunda:in businessKey='#{execution.processBusinessKey}'/>"
      + "<camunda:in source='dossierCode' target='caseKey'/>"
      + "<camunda:in sourceExpression='Task_Review' target='stepId'/>"
      + "<camunda:in sourceExpression='${now()}' target='stepDueAt'/>"
      + "<camunda:in sourceExpression='OFFICER 4h, CHAIRMAN 1d' target='ladder'/>";

  static String caller(String key, String ins) {
    return DeploymentGuardIT.bpmn(key, "<bpmn:startEvent id='S'/>"
        + "<bpmn:userTask id='Task_Review' name='Xem xét' camunda:formRef='urge-overdue-step' camunda:formRefBinding='latest'/>"
        + "<bpmn:sequenceFlow id='f1' sourceRef='S' targetRef='Task_Review'/>"
        + "<bpmn:boundaryEvent id='Overdue' attachedToRef='Task_Review' cancelActivity='false'>"
        + "<bpmn:timerEventDefinition><bpmn:timeDate xsi:type='bpmn:tFormalExpression'>${now()}</bpmn:timeDate>"
        + "</bpmn:timerEventDefinition></bpmn:boundaryEvent>"
        + "<bpmn:callActivity id='Escalate' calledElement='escalationLadder' camunda:calledElementBinding='latest'>"
        + "<bpmn:extensionElements>" + ins + "</bpmn:extensionElements></bpmn:callActivity>"
        + "<bpmn:sequenceFlow id='f2' sourceRef='Overdue' targetRef='Escalate'/>");
  }

  @Test
  void aCallAsTheTemplateMakesItIsDeployed() {
    String name = "ladder-call-" + UUID.randomUUID();
    Http.Answer deployed = DeploymentGuardIT.deployWith(http, "quangtri.owner", name, "caller.bpmn",
        caller("ladderCaller", RIGHT_IN));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    engine.getRepositoryService().deleteDeployment(deployed.json().path("id").asText(), true);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<camunda:in variables='all'/>|camunda:in variables=\"all\" would copy the case's variables",
      "<camunda:in source='dossierCode' target='caseKey'/><camunda:in sourceExpression='${now()}' target='stepDueAt'/>"
          + "<camunda:in sourceExpression='OFFICER 4h' target='ladder'/>|input 'stepId' is not mapped",
      "<camunda:in source='dossierCode' target='caseKey'/><camunda:in sourceExpression='Thẩm định' target='stepId'/>"
          + "<camunda:in sourceExpression='${now()}' target='stepDueAt'/><camunda:in sourceExpression='OFFICER 4h' target='ladder'/>"
          + "|input 'stepId': 'Thẩm định' is not an activity of this process",
      "<camunda:in source='dossierCode' target='caseKey'/><camunda:in source='someVariable' target='stepId'/>"
          + "<camunda:in sourceExpression='${now()}' target='stepDueAt'/><camunda:in sourceExpression='OFFICER 4h' target='ladder'/>"
          + "|must be the literal BPMN id",
      "<camunda:in source='dossierCode' target='caseKey'/><camunda:in sourceExpression='Task_Review' target='stepId'/>"
          + "<camunda:in sourceExpression='${now()}' target='stepDueAt'/>"
          + "<camunda:in sourceExpression='OFFICER 4h, VICE_CHAIR 1d' target='ladder'/>|rung 2 'VICE_CHAIR 1d': unknown rung"})
  void aWrongCallIsRefusedNamingTheInput(String ins, String expected) {
    String name = "ladder-call-" + UUID.randomUUID();
    Http.Answer answer = DeploymentGuardIT.deployWith(http, "quangtri.owner", name, "caller.bpmn",
        caller("ladderCaller", ins));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("message").asText()).contains("call activity Escalate of process ladderCaller", expected);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count()).isZero();
  }
}
