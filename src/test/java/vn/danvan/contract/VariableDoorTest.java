package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.contract.VariableDoor.Kind;

/** Which requests to Camunda's REST API write variables, on either mount and with a named engine. */
class VariableDoorTest {

  @ParameterizedTest
  @CsvSource({
      "POST, /task/t1/complete, TASK_COMPLETION",
      "POST, /task/t1/submit-form, TASK_COMPLETION",
      "POST, /task/t1/resolve, TASK_COMPLETION",
      "POST, /engine/default/task/t1/submit-form, TASK_COMPLETION",
      "POST, /task/t1/complete/, TASK_COMPLETION",
      "POST, //task/t1//complete, TASK_COMPLETION",
      "PUT, /task/t1/variables/applicantName, TASK_VARIABLE_PUT",
      "PUT, /task/t1/localVariables/applicantName, TASK_VARIABLE_PUT",
      "POST, /task/t1/variables, TASK_VARIABLE_MODIFY",
      "POST, /task/t1/localVariables, TASK_VARIABLE_MODIFY",
      "DELETE, /task/t1/variables/idNumber, TASK_VARIABLE_ADMIN_ONLY",
      "POST, /task/t1/variables/file/data, TASK_VARIABLE_ADMIN_ONLY",
      "POST, /task/t1/bpmnError, TASK_WITH_VARIABLES",
      "POST, /task/t1/bpmnEscalation, TASK_WITH_VARIABLES",
      "POST, /process-definition/key/dossierApproval/start, PROCESS_START",
      "POST, /process-definition/key/dossierApproval/tenant-id/dongha/submit-form, PROCESS_START",
      "POST, /process-definition/dossierApproval:1:abc/submit-form, PROCESS_START",
      "PUT, /process-instance/p1/variables/x, ADMIN_ONLY",
      "POST, /process-instance/p1/variables, ADMIN_ONLY",
      "DELETE, /execution/e1/localVariables/x, ADMIN_ONLY",
      "POST, /case-execution/c1/variables, ADMIN_ONLY",
      "POST, /process-instance/variables-async, ADMIN_ONLY",
      "POST, /process-instance/p1/modification, ADMIN_ONLY",
      "POST, /modification/executeAsync, ADMIN_ONLY",
      "POST, /migration/execute, ADMIN_ONLY",
      "POST, /message, ADMIN_ONLY_WITH_VARIABLES",
      "POST, /signal, ADMIN_ONLY_WITH_VARIABLES",
      "POST, /execution/e1/messageSubscriptions/m/trigger, ADMIN_ONLY_WITH_VARIABLES",
      "POST, /external-task/x/complete, ADMIN_ONLY_WITH_VARIABLES",
      "POST, /case-definition/key/c/create, ADMIN_ONLY_WITH_VARIABLES",
      "POST, /case-execution/c1/complete, ADMIN_ONLY_WITH_VARIABLES",
  })
  void recognisesEveryDoorThatWritesVariables(String method, String path, Kind kind) {
    assertThat(VariableDoor.of(method, path)).extracting(VariableDoor::kind).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({"GET, /task/t1/variables", "GET, /process-instance/p1/variables/x", "POST, /task/t1/claim",
      "POST, /task", "POST, /process-instance", "GET, /engine", "POST, /deployment/create"})
  void leavesReadsAndOtherWritesAlone(String method, String path) {
    assertThat(VariableDoor.of(method, path)).isNull();
  }

  @Test
  void namesTheTaskAndTheVariable() {
    VariableDoor door = VariableDoor.of("PUT", "/engine/default/task/t1/localVariables/applicantName");
    assertThat(door.id()).isEqualTo("t1");
    assertThat(door.variable()).isEqualTo("applicantName");
    assertThat(VariableDoor.of("POST", "/process-definition/key/k/tenant-id/t/start").id()).isEqualTo("key/k/tenant-id/t");
  }
}
