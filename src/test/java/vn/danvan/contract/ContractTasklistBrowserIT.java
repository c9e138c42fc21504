package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dossier.DossierProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Browser;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.BrowserTest;

/**
 * With the form contract on, a leader completes the approval in the real Tasklist: form-js sends
 * the read-only fields back unchanged and the reasons field the decision shows, the contract
 * accepts exactly that, and the process moves on to the refusal.
 */
class ContractTasklistBrowserIT extends BrowserTest {

  static final String NAME = "Lê Thị Thu";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @Test
  void leaderRefusesInTasklistThroughTheContractAndTheProcessMovesOn() {
    ProcessInstance dossier = runtime.startProcessInstanceByKey(KEY, ProcedureSamples.with(Map.of("unitCode", "dongha",
        VAR_PROCEDURE_CODE, "CERTIFIED_COPY", VAR_APPLICANT_NAME, NAME, VAR_ID_NUMBER, "045201000777",
        VAR_PHONE, "0987654321", VAR_CHANNEL, "COUNTER", VAR_DOCUMENT_LIST, "Bản chính",
        VAR_CHECK_RESULT, CHECK_COMPLETE, VAR_RECEIVING_OFFICER, "dongha.officer")));
    Task appraisal = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPRAISE).singleResult();
    tasks.complete(appraisal.getId(), Map.of(VAR_APPRAISAL_RESULT, "PROPOSE_REFUSE", VAR_APPRAISAL_OPINION,
        "Giấy tờ không hợp lệ"));
    Task approval = tasks.createTaskQuery().processInstanceId(dossier.getId()).taskDefinitionKey(TASK_APPROVE).singleResult();

    try {
      page.logIn("dongha.chairman");

      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + approval.getId());
      page.visible(By.xpath("//label[contains(normalize-space(),'Quyết định của lãnh đạo')]"));
      page.click(By.xpath("//button[normalize-space()='Nhận việc']"));
      wait.until(d -> "dongha.chairman".equals(tasks.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()));

      String reasons = "Bản sao không khớp bản chính.";
      By reasonsField = By.xpath("//label[contains(normalize-space(),'Lý do từ chối')]/following::textarea[1]");
      // claiming re-renders the form: choose and type until the new one holds both
      wait.until(d -> {
        page.click(By.xpath("//label[contains(normalize-space(),'Từ chối giải quyết')]"));
        var found = d.findElements(reasonsField);
        if (found.isEmpty() || !found.get(0).isDisplayed()) {
          return false;
        }
        if (!reasons.equals(found.get(0).getDomProperty("value"))) {
          found.get(0).clear();
          found.get(0).sendKeys(reasons);
        }
        return reasons.equals(d.findElement(reasonsField).getDomProperty("value"));
      });
      // the same session, sending what the form does not allow, is refused: the contract is on
      Object refused = ((JavascriptExecutor) browser).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
          fetch('/camunda/api/engine/engine/default/task/' + arguments[0] + '/submit-form', {method: 'POST',
              headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token},
              body: JSON.stringify({variables: {approvalDecision: {value: 'REFUSE'},
                  refusalReasons: {value: 'x'}, applicantName: {value: 'Kẻ Mạo Danh'}}})})
            .then(r => r.json().then(b => done(r.status + ' ' + b.field)));""", approval.getId());
      assertThat(refused).isEqualTo("400 applicantName");
      assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);

      page.click(By.xpath("//button[normalize-space()='Hoàn thành']"));

      wait.until(d -> tasks.createTaskQuery().taskId(approval.getId()).count() == 0);
      assertThat(runtime.getVariable(dossier.getId(), VAR_APPROVAL_DECISION)).isEqualTo("REFUSE");
      assertThat(runtime.getVariable(dossier.getId(), VAR_REFUSAL_REASONS)).isEqualTo(reasons);
      assertThat(runtime.getVariable(dossier.getId(), VAR_APPLICANT_NAME)).isEqualTo(NAME);
      assertThat(management.createJobQuery().processInstanceId(dossier.getId()).activityId("Task_SignRefusal").count())
          .as("the refusal waits for its signature").isEqualTo(1);
    } finally {
      Browser.screenshot(browser, "tasklist-contract-refusal");
    }
  }
}
