package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.Poppler;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.BrowserTest;

/**
 * The counter in the real Tasklist, in a real Chromium, with danvan's Tasklist plugins: the one-stop
 * officer starts a dossier from the start form and at once sees "Hồ sơ vừa tiếp nhận" with its
 * code and appointment, and prints the receipt (Form 01: downloaded through the officer's own
 * session, pdftotext finds the code and the appointment, and its QR code opens the public status
 * page with the code filled in); the specialist opens the "Hồ sơ" tab of
 * the appraisal and sees the applicant and the receipt among the documents; the leader opens the
 * tab of the approval and reads the draft result before approving. Screenshots of the three screens
 * are kept in target/screenshots/.
 */
class TasklistPluginBrowserIT extends BrowserTest {

  @Autowired TaskService taskService;
  @Autowired DossierService dossiers;
  @org.springframework.beans.factory.annotation.Value("${danvan.notify.public-base-url}") String publicBaseUrl;

  @Test
  void officerPrintsTheReceiptSpecialistAndLeaderSeeTheDossierAndTheDraftResult() throws Exception {
    String applicant = "Trần Thị Kim Oanh";
    // ---- the one-stop officer receives the dossier
    page.logIn("camlo.officer");
    page.click(By.partialLinkText("Bắt đầu quy trình"));
    page.click(By.partialLinkText("Giải quyết hồ sơ thủ tục hành chính"));
    page.choose("Thủ tục hành chính", "Chứng thực bản sao từ bản chính giấy tờ, văn bản");
    page.type("Họ và tên người nộp hồ sơ", applicant);
    page.type("Số định danh cá nhân (12 chữ số)", "045201000987");
    page.type("Số điện thoại", "0912345987");
    page.visible(By.xpath("//label[starts-with(normalize-space(),'Thành phần hồ sơ đã nhận')]/following::textarea[1]"))
        .sendKeys("Bản chính và bản sao giấy khai sinh");
    ProcedureSamples.typed("CERTIFIED_COPY").forEach(page::type);
    page.click(By.xpath("//button[normalize-space()='Bắt đầu']"));

    WebElement fresh = page.visible(By.cssSelector(".danvan-recent-panel .danvan-received.danvan-fresh"));
    String code = fresh.getAttribute("data-dossier-code");
    Task appraisal = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(taskService.getVariable(appraisal.getId(), DossierProcess.VAR_APPLICANT_NAME)).isEqualTo(applicant);
    Dossier dossier = dossiers.find(code).orElseThrow();
    assertThat(fresh.findElement(By.cssSelector(".danvan-code")).getText()).isEqualTo(code);
    assertThat(fresh.findElement(By.cssSelector(".danvan-appointment")).getText())
        .isEqualTo(VietnamTime.text(dossier.appointmentAt()));
    assertThat(fresh.getText()).contains("Chứng thực bản sao từ bản chính giấy tờ, văn bản");
    Browser.keep(browser, "officer-receipt-in-hand");

    WebElement print = fresh.findElement(By.partialLinkText("In giấy tiếp nhận"));
    byte[] receiptPdf = pdf(print.getAttribute("href"));
    String receipt = text(receiptPdf);
    assertThat(receipt).contains(code, DossierDocuments.dateTime(dossier.appointmentAt()), applicant);
    // the QR code on the printed receipt leads to the public status page of this dossier
    String qr = vn.danvan.support.QrReader.read(receiptPdf, 0);
    assertThat(qr).isEqualTo(publicBaseUrl + "/tra-cuu.html?ma=" + code);
    URI scanned = URI.create(qr);
    browser.get("http://localhost:" + port + scanned.getRawPath() + "?" + scanned.getRawQuery());
    wait.until(d -> code.equals(d.findElement(By.id("code")).getDomProperty("value")));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    page.logOut();

    // ---- the specialist sees the dossier beside the appraisal
    page.logIn("camlo.specialist");
    openTask(appraisal.getId(), "Thẩm định hồ sơ");
    WebElement tab = dossierTab(code);
    assertThat(tab.findElement(By.cssSelector(".danvan-applicant")).getText()).isEqualTo(applicant);
    assertThat(tab.findElement(By.cssSelector(".danvan-appointment")).getText())
        .isEqualTo(VietnamTime.text(dossier.appointmentAt()));
    assertThat(tab.findElements(By.cssSelector(".danvan-documents tr[data-document-kind='RECEIPT'] a.danvan-pdf"))).hasSize(1);
    assertThat(tab.findElement(By.cssSelector(".danvan-steps")).getText()).contains("Thẩm định hồ sơ");
    assertThat(tab.findElement(By.cssSelector(".danvan-steps [data-due-state]")).getText())
        .isIn("Đúng hạn", "Sắp đến hạn", "Quá hạn");
    assertThat(tab.findElement(By.cssSelector(".danvan-trail")).getText()).contains("Tiếp nhận");
    assertThat(tab.getText()).contains("Chứng thực bản sao từ bản chính giấy tờ, văn bản").doesNotContain("CERTIFIED_COPY");
    scrollTo(tab.findElement(By.cssSelector(".danvan-documents")));
    Browser.keep(browser, "specialist-dossier-tab");
    String receiptLink = tab.findElement(By.cssSelector("tr[data-document-kind='RECEIPT'] a.danvan-pdf")).getAttribute("href");
    assertThat(pdfText(receiptLink)).contains(code);
    page.logOut();
    appraised(appraisal.getId());

    // ---- the leader reads the draft result before approving
    page.logIn("camlo.chairman");
    openTask(taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId(), "Phê duyệt kết quả");
    tab = dossierTab(code);
    WebElement draft = wait.until(d -> d.findElement(By.cssSelector("tr[data-document-kind='DRAFT_RESULT'] a.danvan-pdf")));
    assertThat(tab.findElements(By.cssSelector(".danvan-documents tr[data-document-kind='RECEIPT']"))).hasSize(1);
    scrollTo(draft);
    Browser.keep(browser, "leader-draft-result");
    String text = pdfText(draft.getAttribute("href"));
    assertThat(text).contains("DỰ THẢO", code, applicant, "Dương Văn Quang");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getTaskDefinitionKey())
        .as("reading the draft approves nothing").isEqualTo(DossierProcess.TASK_APPROVE);
  }

  /** Opens the task as a link to it does (the unit's list holds the tasks of other tests too). */
  private void openTask(String taskId, String name) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    page.visible(By.xpath("//*[contains(@class,'task-details')]//*[normalize-space()='" + name + "']"));
  }

  /** The "Hồ sơ" tab of the open task, once it shows the dossier. */
  private WebElement dossierTab(String code) {
    page.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Hồ sơ']"));
    return page.visible(By.cssSelector(".danvan-dossier[data-dossier-code='" + code + "']"));
  }

  private void appraised(String taskId) {
    Http.Answer claimed = http.postJson("/engine-rest/task/" + taskId + "/claim", "camlo.specialist",
        "{\"userId\":\"camlo.specialist\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    Http.Answer done = http.postJson("/engine-rest/task/" + taskId + "/complete", "camlo.specialist",
        "{\"variables\":{\"appraisalResult\":{\"value\":\"PROPOSE_APPROVE\"},\"appraisalOpinion\":{\"value\":\"Hồ sơ hợp lệ\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  /** The PDF behind a link, fetched with the browser's own session (as opening the link does), as text. */
  private String pdfText(String href) throws Exception {
    return text(pdf(href));
  }

  private static String text(byte[] bytes) throws Exception {
    Path pdf = Files.createTempFile("tasklist", ".pdf");
    Files.write(pdf, bytes);
    return Poppler.text(pdf).replaceAll("\\s+", " ");
  }

  /** The PDF behind a link, fetched with the browser's own session. */
  private byte[] pdf(String href) throws Exception {
    String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).as(href).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
    return answer.body();
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }
}
