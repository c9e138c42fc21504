package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dossier.DossierProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Browser;
import vn.danvan.support.RunningApplicationTest;

/**
 * Every user task of {@code dossierApproval} opens in the real Tasklist with its Camunda Form
 * rendered by the bundled form-js: the cases are driven to each task with the engine's API, then
 * each task is opened in headless Chromium and a label of its form must show.
 */
class TasklistFormsBrowserIT extends RunningApplicationTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  WebDriver browser;

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyUserTaskFormRendersInTasklist() {
    Map<String, Task> byForm = new LinkedHashMap<>();
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T09:00:00+07:00").toInstant()));

    ProcessInstance appraisal = start("CERTIFIED_COPY", CHECK_COMPLETE);
    byForm.put("Kết quả thẩm định", task(appraisal, TASK_APPRAISE));
    fire(appraisal, TIMER_APOLOGY_DUE);
    byForm.put("Lý do chậm trả kết quả", task(appraisal, TASK_ISSUE_APOLOGY));

    ProcessInstance incomplete = start("CERTIFIED_COPY", CHECK_INCOMPLETE);
    // the supplement request is signed (asynchronous step) before the citizen is told and the desk waits
    management.createJobQuery().processInstanceId(incomplete.getId()).activityId(TASK_SIGN_SUPPLEMENT_REQUEST).list()
        .forEach(job -> management.executeJob(job.getId()));
    byForm.put("Kết quả kiểm tra hồ sơ bổ sung", task(incomplete, TASK_RECEIVE_SUPPLEMENT));

    ProcessInstance approval = start("CERTIFIED_COPY", CHECK_COMPLETE);
    tasks.complete(task(approval, TASK_APPRAISE).getId(), Map.of(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    byForm.put("Quyết định của lãnh đạo", task(approval, TASK_APPROVE));

    Task approve = task(approval, TASK_APPROVE);
    ProcessInstance returning = start("CERTIFIED_COPY", CHECK_COMPLETE);
    tasks.complete(task(returning, TASK_APPRAISE).getId(), Map.of(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE", VAR_APPRAISAL_OPINION, "Hợp lệ"));
    Task leader = task(returning, TASK_APPROVE);
    tasks.claim(leader.getId(), "dongha.chairman");
    tasks.complete(leader.getId(), Map.of(VAR_APPROVAL_DECISION, "APPROVE"));
    management.createJobQuery().processInstanceId(returning.getId()).activityId(TASK_SIGN_RESULT).list()
        .forEach(job -> management.executeJob(job.getId()));
    byForm.put("Đã trao kết quả cho công dân", task(returning, TASK_RETURN));

    ProcessInstance late = start("LAND_TRANSFER_REGISTRATION", CHECK_COMPLETE);
    runtime.setVariable(late.getId(), VAR_APOLOGY_ISSUED, true);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-31T03:00:00Z")));
    fire(late, TIMER_APPRAISAL_OVERDUE);
    // the escalation ladder's first rung reminds the officer; the second asks the vice-chairman
    ProcessInstance ladder = runtime.createProcessInstanceQuery().superProcessInstanceId(late.getId())
        .processDefinitionKey(vn.danvan.escalation.EscalationLadder.KEY).singleResult();
    fire(ladder, vn.danvan.escalation.EscalationLadder.TIMER_RUNG_ENDS);
    byForm.put("Nội dung chỉ đạo, đôn đốc", task(ladder, vn.danvan.escalation.EscalationLadder.TASK_URGE));
    fire(late, TIMER_APOLOGY_DUE);
    fire(late, TIMER_APPOINTMENT);
    byForm.put("Ý kiến chỉ đạo", task(late, TASK_ESCALATE_LATE));
    ClockUtil.reset();
    assertThat(approve).isNotNull();

    browser = Browser.start();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Tên đăng nhập']"))).sendKeys("demo");
    browser.findElement(By.cssSelector("input[placeholder='Mật khẩu']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Việc của tôi")));

    try {
      for (var entry : byForm.entrySet()) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + entry.getValue().getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//label[contains(normalize-space(),'" + entry.getKey() + "')]")));
        assertThat(browser.findElements(By.cssSelector(".fjs-form-error, .alert-danger")))
            .as("errors in the form of %s", entry.getValue().getTaskDefinitionKey()).allMatch(e -> !e.isDisplayed());
      }
    } finally {
      Browser.screenshot(browser, "tasklist-every-form");
    }
  }

  private ProcessInstance start(String procedure, String checkResult) {
    Map<String, Object> variables = new HashMap<>(Map.of("unitCode", "dongha", VAR_PROCEDURE_CODE, procedure,
        VAR_APPLICANT_NAME, "Trần Thị Bích", VAR_PHONE, "0987654321", VAR_CHANNEL, "COUNTER",
        VAR_DOCUMENT_LIST, "Bản chính, bản sao", VAR_CHECK_RESULT, checkResult, VAR_RECEIVING_OFFICER, "dongha.officer"));
    if (CHECK_INCOMPLETE.equals(checkResult)) {
      variables.put(VAR_MISSING_ITEMS, "Bản sao căn cước");
    }
    return runtime.startProcessInstanceByKey(KEY, variables);
  }

  private Task task(ProcessInstance instance, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key).isNotNull();
    return task;
  }

  private void fire(ProcessInstance instance, String timer) {
    var job = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult();
    assertThat(job).as(timer).isNotNull();
    management.executeJob(job.getId());
  }
}
