package vn.danvan.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.support.PostgresIntegrationTest;
import vn.danvan.trail.CaseEvent;
import vn.danvan.trail.CaseTrail;

/**
 * The case clock on a real PostgreSQL: its records (clock table, change rows, case trail) for a
 * complaint-like rule that continues after a suspension, and its locking — concurrent extensions of
 * one case queue on the row lock so the limit holds, a writer holding a stale version changes
 * nothing, a second start of the same case fails.
 */
@PostgresIntegrationTest
class CaseClockIT {

  @Autowired CaseClock clock;
  @Autowired CaseClockRepository repository;
  @Autowired CaseTrail trail;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aSuspendedComplaintContinuesWithTheDaysLeftAndEveryChangeIsRecorded() {
    String key = key();
    ClockRule rule = new ClockRule("2026-07-01", new Term(30, TermUnit.CALENDAR_DAYS), ResumeMode.CONTINUE, 1);
    at("2026-11-02T09:00");
    // 30 days from Mon 2/11/2026 → Wed 2/12 17:00
    Instant deadline = tx().execute(s -> clock.start(ref(key), rule, local("2026-11-02T09:00"), "camlo.inspector"));
    assertThat(deadline).isEqualTo(local("2026-12-02T17:00"));

    at("2026-11-10T14:00");
    tx().executeWithoutResult(s -> clock.pause(key, "Tạm đình chỉ chờ kết quả giám định", "camlo.chairman"));
    CaseClockState paused = clock.find(key).orElseThrow();
    assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
    assertThat(paused.remaining()).isEqualTo(22L); // 10/11 → 2/12

    // resumed Fri 20/11: + 22 days = Sat 12/12 → Mon 14/12 17:00
    at("2026-11-20T08:00");
    Instant resumed = tx().execute(s -> clock.resume(key, "camlo.chairman"));
    assertThat(resumed).isEqualTo(local("2026-12-14T17:00"));
    // complex case: extended once by decision to 15 days later: Mon 14/12 + 15 = Tue 29/12 17:00
    at("2026-12-01T09:00");
    Instant extended = tx().execute(s -> clock.extend(key, Extension.by(new Term(15, TermUnit.CALENDAR_DAYS),
        "45/QĐ-UBND", "Vụ việc phức tạp", "camlo.chairman")));
    assertThat(extended).isEqualTo(local("2026-12-29T17:00"));
    assertThatThrownBy(() -> tx().execute(s -> clock.extend(key, Extension.by(new Term(15, TermUnit.CALENDAR_DAYS),
        "46/QĐ-UBND", "Lần hai", "camlo.chairman")))).isInstanceOf(ExtensionRefusedException.class);

    CaseClockState state = clock.find(key).orElseThrow();
    assertThat(state.extensionsUsed()).isOne();
    assertThat(state.version()).isEqualTo(3); // pause, resume, extend
    assertThat(clock.changes(key)).extracting(ClockChange::type, ClockChange::actor, ClockChange::ruleVersion,
        ClockChange::decisionRef, ClockChange::deadlineAfter).containsExactly(
            tuple(CaseClock.STARTED, "camlo.inspector", "2026-07-01", null, local("2026-12-02T17:00")),
            tuple(CaseClock.PAUSED, "camlo.chairman", "2026-07-01", null, local("2026-12-02T17:00")),
            tuple(CaseClock.RESUMED, "camlo.chairman", "2026-07-01", null, local("2026-12-14T17:00")),
            tuple(CaseClock.EXTENDED, "camlo.chairman", "2026-07-01", "45/QĐ-UBND", local("2026-12-29T17:00")));
    assertThat(trail.events(key)).extracting(CaseEvent::type, CaseEvent::unit, CaseEvent::details).containsExactly(
        tuple(CaseClock.STARTED, "camlo", "Thời hạn giải quyết: 30 ngày, tính từ 9 giờ 00, ngày 2/11/2026 đến"
            + " 17 giờ 00, ngày 2/12/2026"),
        tuple(CaseClock.PAUSED, "camlo", "Tạm đình chỉ chờ kết quả giám định. Thời hạn đang là 17 giờ 00, ngày"
            + " 2/12/2026; thời gian còn lại: 22 ngày"),
        tuple(CaseClock.RESUMED, "camlo", "Tính tiếp thời gian còn lại (22 ngày) từ 8 giờ 00, ngày 20/11/2026: hạn"
            + " mới 17 giờ 00, ngày 14/12/2026"),
        tuple(CaseClock.EXTENDED, "camlo", "Vụ việc phức tạp (căn cứ: 45/QĐ-UBND). Hạn mới: 17 giờ 00, ngày"
            + " 29/12/2026, hạn trước: 17 giờ 00, ngày 14/12/2026 (gia hạn lần 1/1)"));
  }

  @Test
  void concurrentExtensionsQueueOnTheRowLockAndTheLimitHolds() throws Exception {
    String key = key();
    at("2026-11-02T09:00");
    tx().execute(s -> clock.start(ref(key),
        new ClockRule("v1", new Term(30, TermUnit.CALENDAR_DAYS), ResumeMode.CONTINUE, 1), at("2026-11-02T09:00"), "a"));
    CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Instant> first = pool.submit(() -> tx().execute(s -> {
        Instant extended = clock.extend(key, Extension.to(local("2026-12-20T17:00"), "1/QĐ", "Phức tạp", "first"));
        firstHoldsTheLock.countDown();
        sleep(700);
        return extended;
      }));
      assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
      long before = System.nanoTime();
      Future<Instant> second = pool.submit(() -> tx().execute(s ->
          clock.extend(key, Extension.to(local("2026-12-25T17:00"), "2/QĐ", "Phức tạp", "second"))));
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(local("2026-12-20T17:00"));
      assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ExtensionRefusedException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("the second waited for the lock")
          .isGreaterThanOrEqualTo(300);
    } finally {
      pool.shutdownNow();
    }
    CaseClockState state = clock.find(key).orElseThrow();
    assertThat(state.extensionsUsed()).isOne();
    assertThat(state.deadlineAt()).isEqualTo(local("2026-12-20T17:00"));
    assertThat(clock.changes(key)).extracting(ClockChange::type, ClockChange::actor)
        .containsExactly(tuple(CaseClock.STARTED, "a"), tuple(CaseClock.EXTENDED, "first"));
  }

  @Test
  void aWriterWithAStaleVersionChangesNothing() {
    String key = runningFiveDayClock();
    CaseClockState stale = clock.find(key).orElseThrow();
    tx().executeWithoutResult(s -> clock.pause(key, "Yêu cầu bổ sung", "b"));
    CaseClockState staleStopped = new CaseClockState(stale.ref(), stale.rule(), ClockState.STOPPED, stale.startedAt(),
        stale.deadlineAt(), null, null, 0, stale.version());
    assertThatThrownBy(() -> tx().executeWithoutResult(s -> repository.update(staleStopped, at("2026-11-02T10:00"), "c")))
        .isInstanceOf(ConcurrentClockChangeException.class);
    assertThat(clock.find(key).orElseThrow().state()).isEqualTo(ClockState.PAUSED);
  }

  @Test
  void aTransactionReadsAClockOnceALockReadsItAgainAndAChangeKeepsWhatItWrote() {
    String key = runningFiveDayClock();
    TransactionTemplate elsewhere = tx();
    elsewhere.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    tx().executeWithoutResult(status -> {
      assertThat(repository.find(key).orElseThrow().state()).isEqualTo(ClockState.RUNNING);
      elsewhere.executeWithoutResult(s -> clock.pause(key, "Yêu cầu bổ sung", "b"));
      assertThat(repository.find(key).orElseThrow().state()).as("kept in this transaction").isEqualTo(ClockState.RUNNING);
      CaseClockState locked = repository.lock(key).orElseThrow();
      assertThat(locked.state()).as("a lock reads the row").isEqualTo(ClockState.PAUSED);
      assertThat(repository.find(key).orElseThrow().version()).isEqualTo(locked.version());
      clock.resume(key, "c");
      CaseClockState changed = repository.find(key).orElseThrow();
      assertThat(changed.state()).as("its own change is read").isEqualTo(ClockState.RUNNING);
      assertThat(changed.version()).as("the row the change answered with").isEqualTo(locked.version() + 1);
    });
  }

  @Test
  void aCaseHasOneClock() {
    String key = key();
    ClockRule rule = new ClockRule("v1", new Term(5, TermUnit.WORKING_DAYS), ResumeMode.RESTART, 1);
    at("2026-11-02T09:00");
    tx().execute(s -> clock.start(ref(key), rule, at("2026-11-02T09:00"), "a"));
    assertThatThrownBy(() -> tx().execute(s -> clock.start(ref(key), rule, at("2026-11-03T09:00"), "b")))
        .isInstanceOf(ConcurrentClockChangeException.class);
    assertThat(clock.changes(key)).hasSize(1);
    assertThat(trail.events(key)).hasSize(1);
  }

  /** A new case whose five-working-day clock "a" started on Mon 2/11/2026 09:00; its key. */
  private String runningFiveDayClock() {
    String key = key();
    at("2026-11-02T09:00");
    tx().execute(s -> clock.start(ref(key),
        new ClockRule("v1", new Term(5, TermUnit.WORKING_DAYS), ResumeMode.RESTART, 1), at("2026-11-02T09:00"), "a"));
    return key;
  }

  private TransactionTemplate tx() {
    return new TransactionTemplate(transactions);
  }

  private static CaseRef ref(String key) {
    return new CaseRef(key, "complaintProbe", "camlo");
  }

  private static String key() {
    return "KN-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Moves the engine clock (the clock's "now") to a local time in Vietnam and returns that instant. */
  private static Instant at(String local) {
    ClockUtil.setCurrentTime(Date.from(local(local)));
    return local(local);
  }

  private static Instant local(String local) {
    return OffsetDateTime.parse(local + ":00+07:00").toInstant();
  }
}
