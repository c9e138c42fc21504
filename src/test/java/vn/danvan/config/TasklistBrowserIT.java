package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import vn.danvan.dossier.DossierProcess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Browser;
import vn.danvan.support.BrowserTest;
import vn.danvan.support.PostgresIntegrationTest;
import vn.danvan.support.ProcedureSamples;

/**
 * Officials in the real Tasklist, in a real browser: a one-stop officer logs in, starts a dossier
 * through its Camunda start form; the specialist of the same commune finds it among the unit's
 * group tasks, opens it, fills its Camunda Form and completes it. Chromium runs with {@code --lang=vi-VN},
 * so Tasklist shows our Vietnamese translation ({@code app/tasklist/locales/vi.json}): every label
 * the test clicks or types into is the Vietnamese one.
 */
@PostgresIntegrationTest
class TasklistBrowserIT extends BrowserTest {

  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  @Test
  void officerStartsDossierAndSpecialistCompletesTheAppraisalForm() {
    try {
      page.logIn("camlo.officer");
      page.visible(By.partialLinkText("Việc của tôi"));
      page.click(By.partialLinkText("Bắt đầu quy trình"));
      page.click(By.partialLinkText("Giải quyết hồ sơ thủ tục hành chính"));

      page.choose("Thủ tục hành chính", "Chứng thực bản sao từ bản chính giấy tờ, văn bản");
      page.type("Họ và tên người nộp hồ sơ", "Phan Văn Bình");
      page.type("Số định danh cá nhân (12 chữ số)", "045201000123");
      page.type("Số điện thoại", "0912345678");
      page.visible(By.xpath("//label[starts-with(normalize-space(),'Thành phần hồ sơ đã nhận')]/following::textarea[1]"))
          .sendKeys("Bản chính và bản sao giấy khai sinh");
      ProcedureSamples.typed("CERTIFIED_COPY").forEach(page::type);
      page.click(By.xpath("//button[normalize-space()='Bắt đầu']"));
      wait.until(d -> !taskService.createTaskQuery().tenantIdIn("camlo").taskDefinitionKey("Task_AppraiseDossier")
          .processVariableValueEquals("applicantName", "Phan Văn Bình").list().isEmpty());
      Task task = taskService.createTaskQuery().processVariableValueEquals("applicantName", "Phan Văn Bình").singleResult();
      assertThat(task.getTenantId()).isEqualTo("camlo");
      assertThat(taskService.getVariable(task.getId(), "idNumber")).isEqualTo("045201000123");
      assertThat((String) taskService.getVariable(task.getId(), "dossierCode")).startsWith("000.00.32.H48-");
      page.logOut();

      page.logIn("camlo.specialist");
      page.click(By.partialLinkText("Việc chung của đơn vị"));
      page.click(By.xpath("//li[contains(@class,'task')]//*[normalize-space()='Thẩm định hồ sơ']"));
      page.visible(By.xpath("//label[contains(normalize-space(),'Ý kiến thẩm định')]"));
      // the form shows what the officer entered
      WebElement applicant = browser.findElement(By.xpath("//label[normalize-space()='Họ và tên người nộp hồ sơ']/following::input[1]"));
      assertThat(applicant.getDomProperty("value")).isEqualTo("Phan Văn Bình");
      page.click(By.xpath("//button[normalize-space()='Nhận việc']"));
      wait.until(d -> "camlo.specialist".equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
      // Claiming re-renders the form: type into the new one until it holds the text.
      String text = "Hồ sơ đầy đủ, hợp lệ; đề nghị chứng thực.";
      By opinion = By.xpath("//label[contains(normalize-space(),'Ý kiến thẩm định')]/following::textarea[1]");
      page.click(By.xpath("//label[contains(normalize-space(),'Đủ điều kiện: trình lãnh đạo phê duyệt')]"));
      wait.until(d -> {
        WebElement field = d.findElement(opinion);
        if (!text.equals(field.getDomProperty("value"))) {
          field.clear();
          field.sendKeys(text);
        }
        return text.equals(d.findElement(opinion).getDomProperty("value"));
      });
      page.click(By.xpath("//button[normalize-space()='Hoàn thành']"));

      wait.until(d -> taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
          .taskDefinitionKey("Task_ApproveResult").count() == 1);
      assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
          .isEqualTo("camlo.specialist");
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .variableName("appraisalOpinion").singleResult().getValue()).isEqualTo(text);
    } finally {
      Browser.screenshot(browser, "tasklist-appraisal");
    }
  }

  @Test
  void oneStopOfficerRecordsTheSupplementInTasklistAndTheClockRestarts() {
    ProcessInstance dossier = runtime.startProcessInstanceByKey(DossierProcess.KEY, ProcedureSamples.with(java.util.Map.of(
        "unitCode", "camlo", "procedureCode", "CERTIFIED_COPY", "applicantName", "Lý Thị Hoa", "phone", "0905111222",
        "channel", "COUNTER", "documentList", "Bản chính giấy khai sinh", "checkResult", "INCOMPLETE",
        "missingItems", "Bản sao căn cước công dân", "receivingOfficer", "camlo.officer")));
    // the supplement request is signed (asynchronous step; the job executor is off) before the desk waits
    management.createJobQuery().processInstanceId(dossier.getId()).activityId(DossierProcess.TASK_SIGN_SUPPLEMENT_REQUEST)
        .list().forEach(job -> management.executeJob(job.getId()));
    try {
      page.logIn("camlo.officer");
      page.click(By.partialLinkText("Việc chung của đơn vị"));
      page.click(By.xpath("//li[contains(@class,'task')]//*[normalize-space()='Tiếp nhận hồ sơ bổ sung']"));
      page.visible(By.xpath("//label[contains(normalize-space(),'Kết quả kiểm tra hồ sơ bổ sung')]"));
      page.click(By.xpath("//button[normalize-space()='Nhận việc']"));
      wait.until(d -> "camlo.officer".equals(taskService.createTaskQuery().processInstanceId(dossier.getId())
          .singleResult().getAssignee()));
      By complete = By.xpath("//label[contains(normalize-space(),'Đã bổ sung đầy đủ')]");
      page.click(complete);
      page.click(By.xpath("//button[normalize-space()='Hoàn thành']"));

      wait.until(d -> taskService.createTaskQuery().processInstanceId(dossier.getId())
          .taskDefinitionKey(DossierProcess.TASK_APPRAISE).count() == 1);
      assertThat(runtime.getVariable(dossier.getId(), DossierProcess.VAR_APPOINTMENT_AT)).isNotNull();
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(dossier.getId())
          .taskDefinitionKey(DossierProcess.TASK_RECEIVE_SUPPLEMENT).singleResult().getAssignee()).isEqualTo("camlo.officer");
    } finally {
      Browser.screenshot(browser, "tasklist-supplement");
    }
  }
}
