package vn.danvan.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The smallest process the engine tests need: start, one user task for the specialists
 * ({@code Task_Probe}, with its own Camunda Form of one text field {@code ketQua}, deployed with
 * it as every user task must have one), end. Its key is granted in the tests' process grants file
 * ({@code oneTaskProbe}).
 */
public final class OneTaskProbe {

  public static final String KEY = "oneTaskProbe";
  private static final String FORM = """
      {"id":"one-task-probe","schemaVersion":16,"type":"default","components":[
        {"type":"textfield","key":"ketQua","label":"Kết quả"}]}""";

  private OneTaskProbe() {
  }

  /** Deploys the probe unless a version of it is deployed already (the Spring context is shared). */
  public static void deployOnce(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() > 0) {
      return;
    }
    repository.createDeployment().name("one-task-probe").addModelInstance(KEY + ".bpmn",
        Bpmn.createExecutableProcess(KEY).name("Thử một việc").camundaHistoryTimeToLive(1)
            .startEvent().name("Bắt đầu")
            .userTask("Task_Probe").name("Việc thử").camundaCandidateGroups("specialist")
            .camundaFormRef("one-task-probe").camundaFormRefBinding("deployment")
            .endEvent().name("Kết thúc").done())
        .addString("one-task-probe.form", FORM).deploy();
  }
}
