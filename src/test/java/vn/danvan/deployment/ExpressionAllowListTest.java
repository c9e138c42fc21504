package vn.danvan.deployment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Worked cases of the expression allow-list: what models need passes, every way out is refused. */
class ExpressionAllowListTest {

  private final ExpressionAllowList allowList = new ExpressionAllowList(
      Set.of("workCalendar", "caseClock", "registerDossierDelegate"),
      name -> Set.of("identityService", "jdbcTemplate", "dataSource", "processEngine", "applicationContext",
          "runtimeService").contains(name));

  @ParameterizedTest
  @ValueSource(strings = {
      // everything bpmn/dossierApproval.bpmn and the element templates use
      "${registerDossierDelegate}",
      "${checkResult == 'COMPLETE'}",
      "${appraisalResult != 'NEED_SUPPLEMENT'}",
      "${!apologyIssued}",
      "${appointmentAt}",
      "${caseClock.stepDue(execution, 'APPRAISE')}",
      "${execution.setVariable('approvedBy', task.assignee != null ? task.assignee : currentUser())}",
      "${workCalendar.plusWorkingDays(now(), 3)}",
      "${workCalendar.plusWorkingDays(now(), 1)}",
      // literals, operators, ternary
      "plain text without expression",
      "${true}", "${null}", "${42}", "${3.5e2}", "${\"double\"}", "${'it\\'s'}",
      "${a + b * 2 - c / 4 % 3}", "${a div 2 mod 3}", "${x > 1 && y <= 2 || !z}", "${x gt 1 and y le 2 or not z}",
      "${a eq b}", "${a ne b}", "${a lt b}", "${a ge b}", "${empty comments}", "${-amount}",
      "${(a + b) * c}", "${a ? (b ? 1 : 2) : 3}", "${x >= 1}", "${x < 1}",
      // variables and their properties
      "${dossier.unitCode}", "${dossier.applicant.district}", "${codes[0]}", "${map['key']}",
      // several expressions in one text, and '}' inside a string
      "Hồ sơ ${code} của ${unitCode}", "${name == '}'}", "#{deferred}",
      // functions and date methods
      "${now()}", "${dateTime().plusDays(3).toDate()}", "${currentUserGroups()}", "${now().time}",
      // execution and task members
      "${execution.getVariable('x')}", "${execution.processInstanceId}", "${execution.businessKey}",
      "${execution.hasVariable('x') ? execution.getVariable('x') : 'none'}", "${task.dueDate}",
      "${task.setVariable('a', 1)}", "${execution.removeVariable('tmp')}", "${execution.tenantId}",
      // bean properties and methods, not reflective
      "${workCalendar.isWorkingDay(now())}", "${workCalendar.sameDayDue(receivedAt)}",
  })
  void allows(String text) {
    assertThatCode(() -> allowList.check(text)).as(text).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // the exploit shapes
      "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/x')}|'getClass' is a reflective name",
      "${identityService.createMembership('quangtri.owner', 'camunda-admin')}|bean 'identityService' is not exposed",
      "${jdbcTemplate.execute('DROP TABLE act_ru_task')}|bean 'jdbcTemplate' is not exposed",
      "${execution.getProcessEngineServices().getIdentityService()}|'execution.getProcessEngineServices' is not on the allow-list",
      "${execution.processEngineServices.identityService}|'execution.processEngineServices' is not on the allow-list",
      "${execution.getProcessEngine()}|'execution.getProcessEngine' is not on the allow-list",
      "${execution.bpmnModelInstance}|'execution.bpmnModelInstance' is not on the allow-list",
      "${task.execution.processEngine}|'task.execution' is not on the allow-list",
      "${task.setAssignee('demo')}|'task.setAssignee' is not on the allow-list",
      "${execution.processInstance}|'execution.processInstance' is not on the allow-list",
      // reflection on anything
      "${workCalendar.getClass()}|'getClass' is a reflective name",
      "${workCalendar.class.classLoader}|'class' is a reflective name",
      "${dossier.class}|'class' is a reflective name",
      "${dossier['class']}|'class' is a reflective name",
      "${now().getClass()}|'getClass' is a reflective name",
      "${workCalendar.plusWorkingDays(now(), 1).class}|'class' is a reflective name",
      "${dateTime().toDate().getClass().forName('x')}|'getClass' is a reflective name",
      // method calls on variables and literals
      "${applicantName.toString()}|called on a variable or value",
      "${'abc'.concat('d')}|called on a variable or value",
      "${(x).foo}|a property of a literal or computed value",
      "${workCalendar.plusWorkingDays(now(), 3).toInstant()}|called on a variable or value",
      // computed keys, other functions and engine objects
      "${map[key]}|only a literal key",
      "${map['a' + 'b']}|only a literal key",
      "${fn:exec('x')}|prefixed functions",
      "${exec('x')}|function 'exec()' is not allowed",
      "${externalTask.workerId}|'externalTask' is not available",
      "${caseExecution}|'caseExecution' is not available",
      "${processEngine}|bean 'processEngine' is not exposed",
      "${applicationContext.getBean('dataSource')}|bean 'applicationContext' is not exposed",
      "${runtimeService}|bean 'runtimeService' is not exposed",
      // what the parser does not know is refused, not guessed
      "${a = 1}|expected '}'",
      "${a; b}|expected '}'",
      "${a += 1}|unexpected '='",
      "${x -> x}|unexpected '>'",
      "${T(java.lang.Runtime)}|function 'T()' is not allowed",
      "${a instanceof b}|expected '}'",
      "${[1, 2]}|unexpected '['",
      "${{'a': 1}}|unexpected '{'",
      "${'unterminated}|unterminated string",
      "${unclosed|expected '}'",
      "${}|unexpected '}'",
      "${1abc}|malformed number",
      "ok ${fine} then ${''.getClass()}|'getClass' is a reflective name",
      "ok ${fine} then ${''.length()}|called on a variable or value",
      "${a ? b}|expected ':'",
      "${x.}|expected a name after '.'",
      "${workCalendar.plusWorkingDays(now(), 1}|expected ',' or ')'",
      "${workCalendar['plusWorkingDays'](now(), 1)}|expected '}'",
  })
  void refuses(String text, String reason) {
    assertThatThrownBy(() -> allowList.check(text)).as(text)
        .isInstanceOf(ExpressionAllowList.NotAllowedException.class)
        .hasMessageContaining(reason);
  }
}
