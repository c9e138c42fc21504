package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dossier.DossierProcess.*;

import java.time.Instant;
import java.time.LocalDate;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Browser;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.BrowserTest;

/**
 * Every user task of {@code dossierApproval} opens in the real Tasklist with its Camunda Form
 * rendered by the bundled form-js: the cases are driven to each task with the engine's API, then
 * each task is opened in headless Chromium and a label of its form must show. The start form speaks
 * Vietnamese to the officer: option labels, the chosen procedure's own section only, form-js's
 * validation messages in Vietnamese (no regular expression), a phone typed with spaces accepted and
 * stored as digits; the leader reads the procedure's name and the proposal in words.
 */
class TasklistFormsBrowserIT extends BrowserTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
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
    management.createJobQuery().processInstanceId(returning.getId()).activityId(TASK_PREPARE_RESULT).list()
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

    page.logIn("demo");

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

  @Test
  void theStartFormSpeaksVietnameseAndTakesThePhoneAsTyped() {
    page.logIn("dongha.officer");
    try {
      page.click(By.partialLinkText("Bắt đầu quy trình"));
      page.click(By.partialLinkText("Giải quyết hồ sơ thủ tục hành chính"));
      page.click(By.xpath("//label[starts-with(normalize-space(),'Thủ tục hành chính')]"
          + "/following::*[contains(@class,'fjs-input-group')][1]"));
      // the procedures by their names, not their codes
      wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.xpath(
          "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='Xác nhận thông tin về cư trú']")));
      assertThat(browser.findElements(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(.,'_')]")))
          .isEmpty();
      page.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='Đăng ký khai sinh']"));

      // the birth registration's own section, its options in words; no other procedure's fields
      wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//label[contains(normalize-space(),'Họ, chữ đệm và tên của trẻ')]")));
      assertThat(browser.findElement(By.xpath("//label[normalize-space()='Nữ']")).isDisplayed()).isTrue();
      assertThat(browser.findElements(By.xpath("//label[contains(normalize-space(),'Số bản sao cần chứng thực')]")))
          .isEmpty();
      assertThat(browser.findElement(By.xpath("//*[contains(normalize-space(),'Ngày, tháng, năm sinh của trẻ như ghi"
          + " trên giấy chứng sinh.')]")).isDisplayed()).isTrue();

      By phone = By.xpath("//label[starts-with(normalize-space(),'Số điện thoại')]/following::input[1]");
      browser.findElement(phone).sendKeys("0912-345");
      page.type("Họ, chữ đệm và tên của trẻ", (String) BIRTH.get("childName"));
      // form-js's messages, in Vietnamese: a pattern says to read the hint, never shows the expression
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
          "//*[contains(@class,'fjs-form-field-error') and contains(normalize-space(),'Giá trị chưa đúng định dạng,"
              + " xem hướng dẫn dưới ô nhập.')]")));
      By applicant = By.xpath("//label[starts-with(normalize-space(),'Họ và tên người nộp hồ sơ')]/following::input[1]");
      browser.findElement(applicant).sendKeys("L");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
          "//*[contains(@class,'fjs-form-field-error') and contains(normalize-space(),'Cần ít nhất 2 ký tự.')]")));
      browser.findElement(applicant).sendKeys(Keys.BACK_SPACE);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
          "//*[contains(@class,'fjs-form-field-error') and contains(normalize-space(),'Trường này là bắt buộc.')]")));
      assertThat(browser.getPageSource()).doesNotContain("must match pattern").doesNotContain("Field is required")
          .doesNotContain("[0-9]{9,10}");
      assertThat(browser.findElement(By.xpath("//*[contains(normalize-space(),'ví dụ 0912 345 678')]")).isDisplayed())
          .isTrue();
      Browser.screenshot(browser, "tasklist-start-form-messages");

      WebElement phoneField = browser.findElement(phone);
      phoneField.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      phoneField.sendKeys("0912 345 678");
      page.type("Họ và tên người nộp hồ sơ", "Lê Văn Toàn");
      page.type("Số định danh cá nhân (12 chữ số)", "045201000777");
      page.click(By.xpath("//label[normalize-space()='Nữ']"));
      // the rest of what a birth certificate needs (required by the section), from the shared samples
      ProcedureSamples.typed("BIRTH_REGISTRATION").forEach((label, text) -> {
        if (!text.equals(BIRTH.get("childName"))) {
          page.type(label, text);
        }
      });
      page.typeDate("Ngày sinh của trẻ", LocalDate.parse((String) BIRTH.get("childBirthDate")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//label[starts-with(normalize-space(),'Thành phần hồ sơ đã nhận')]/following::textarea[1]")))
          .sendKeys("Giấy chứng sinh");
      page.click(By.xpath("//button[normalize-space()='Bắt đầu']"));
      wait.until(d -> runtime.createProcessInstanceQuery().variableValueEquals(VAR_APPLICANT_NAME, "Lê Văn Toàn")
          .count() == 1);
      ProcessInstance dossier = runtime.createProcessInstanceQuery().variableValueEquals(VAR_APPLICANT_NAME, "Lê Văn Toàn")
          .singleResult();
      assertThat(runtime.getVariable(dossier.getId(), VAR_PHONE)).isEqualTo("0912345678");
      assertThat(runtime.getVariable(dossier.getId(), "childName")).isEqualTo(BIRTH.get("childName"));
      assertThat(runtime.getVariable(dossier.getId(), "childBirthPlace")).isEqualTo(BIRTH.get("childBirthPlace"));
      assertThat(runtime.getVariable(dossier.getId(), "childBirthDate")).isEqualTo(BIRTH.get("childBirthDate"));
      assertThat(runtime.getVariable(dossier.getId(), "childSex")).isEqualTo("FEMALE");
      assertThat(runtime.getVariable(dossier.getId(), VAR_PROCEDURE_NAME)).isEqualTo("Đăng ký khai sinh");

      // the leader reads the procedure's name and the specialist's proposal in words
      tasks.complete(task(dossier, TASK_APPRAISE).getId(), Map.of(VAR_APPRAISAL_RESULT, "PROPOSE_APPROVE",
          VAR_APPRAISAL_OPINION, "Hợp lệ"));
      page.logOut();
      page.logIn("dongha.chairman");
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task(dossier, TASK_APPROVE).getId());
      wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[contains(normalize-space(),'Đủ điều kiện: trình lãnh đạo phê duyệt')]")));
      WebElement procedure = browser.findElement(By.xpath("//label[normalize-space()='Thủ tục hành chính']/following::input[1]"));
      assertThat(procedure.getDomProperty("value")).isEqualTo("Đăng ký khai sinh");
      assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).doesNotContain("PROPOSE_APPROVE")
          .doesNotContain("BIRTH_REGISTRATION");
    } finally {
      Browser.screenshot(browser, "tasklist-start-form");
    }
  }

  /** The shared sample of a birth registration's section. */
  private static final Map<String, Object> BIRTH = ProcedureSamples.fields("BIRTH_REGISTRATION");

  private ProcessInstance start(String procedure, String checkResult) {
    Map<String, Object> variables = new HashMap<>(Map.of("unitCode", "dongha", VAR_PROCEDURE_CODE, procedure,
        VAR_APPLICANT_NAME, "Trần Thị Bích", VAR_PHONE, "0987654321", VAR_CHANNEL, "COUNTER",
        VAR_DOCUMENT_LIST, "Bản chính, bản sao", VAR_CHECK_RESULT, checkResult, VAR_RECEIVING_OFFICER, "dongha.officer"));
    if (CHECK_INCOMPLETE.equals(checkResult)) {
      variables.put(VAR_MISSING_ITEMS, "Bản sao căn cước");
    }
    variables.putAll(ProcedureSamples.fields(procedure));
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
