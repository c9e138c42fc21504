package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.document.DocumentNumbering;
import vn.danvan.document.DocumentService;
import vn.danvan.sla.EngineClock;
import vn.danvan.support.Http;
import vn.danvan.support.ProcedureSamples;
import vn.danvan.support.RunningApplicationTest;

/**
 * A dossier start does not wait for another start's transaction: while a transaction holds the
 * next dossier code of the unit's day and the next receipt number (as a start does while it renders
 * its receipt), a start over HTTP is received with the numbers after them; when that transaction
 * fails, the next start takes the numbers it gave back.
 */
class DossierStartNumberingIT extends RunningApplicationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  @Autowired DocumentNumbering numbering;
  @Autowired DocumentService documents;
  @Autowired PlatformTransactionManager transactions;

  record Held(int dossier, int receipt) {}

  @Test
  void aStartIsNumberedAndCommittedWhileAnotherStartHoldsItsNumbersAndTakesThemWhenGivenBack() throws Exception {
    // a working day of a year no other test numbers in: the day's dossier register and the year's
    // receipt register start empty
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2027-03-17T09:00:00+07:00").toInstant()));
    LocalDate today = WorkCalendar.dateOf(EngineClock.now());
    String dayRegister = "HS" + today.format(DAY);
    CountDownLatch took = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Held> failingStart = other.submit(() -> new TransactionTemplate(transactions).execute(status -> {
        Held held = new Held(numbering.next("dongha", dayRegister, today.getYear()),
            numbering.next("dongha", "GTN", today.getYear()));
        took.countDown();
        try {
          if (!release.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        // the start fails after numbering (its receipt could not be stored, its node died, …)
        status.setRollbackOnly();
        return held;
      }));
      assertThat(took.await(1, TimeUnit.MINUTES)).isTrue();

      Http.Answer received = start();
      assertThat(failingStart).as("the first start's transaction is still open").isNotDone();
      assertThat(received.status()).as(received.body()).isEqualTo(201);
      String code = received.json().path("code").asText();
      release.countDown();
      Held held = failingStart.get(1, TimeUnit.MINUTES);
      assertThat(held).isEqualTo(new Held(1, 1));
      assertThat(code).endsWith("-270317-0002");
      assertThat(receiptNumber(received)).isEqualTo(2);

      Http.Answer next = start();
      assertThat(next.status()).as(next.body()).isEqualTo(201);
      assertThat(next.json().path("code").asText()).endsWith("-270317-0001");
      assertThat(receiptNumber(next)).isEqualTo(1);
      assertThat(start().json().path("code").asText()).endsWith("-270317-0003");
    } finally {
      ClockUtil.reset();
      release.countDown();
      other.shutdownNow();
    }
  }

  private int receiptNumber(Http.Answer received) {
    return documents.find(received.json().path("receiptDocumentId").asText()).orElseThrow().number();
  }

  /** A start over HTTP; bounded, so a start that queues fails the test instead of hanging it. */
  private Http.Answer start() {
    String json = ProcedureSamples.apiBody("""
        {"procedureCode":"CERTIFIED_COPY","unit":"dongha","applicantName":"Lê Văn Hùng","idNumber":"045201001234",
         "phone":"0912345678","email":"hung@example.vn","channel":"COUNTER","applicantAddress":"5 Hùng Vương, Đông Hà",
         "documentList":"Bản chính và bản sao giấy tờ"}""");
    return http.send(http.request("/api/dossiers", "dongha.officer").timeout(Duration.ofMinutes(1))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }
}
