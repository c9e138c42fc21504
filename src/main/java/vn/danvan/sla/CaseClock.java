package vn.danvan.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.procedure.WorkingTime;
import vn.danvan.trail.CaseEvent;
import vn.danvan.trail.CaseTrail;

/**
 * The statutory clock of a case, for every process family: started under the rule in force on the
 * day the case was accepted (a {@link ClockRule} frozen into the clock), paused (a supplement, the
 * suspension of a complaint), resumed ({@link ResumeMode#RESTART} or {@link ResumeMode#CONTINUE}),
 * extended by a decision up to the rule's limit, stopped. Every change is recorded twice in the
 * caller's transaction: as a structured row ({@code dv_case_clock_change}) and in the case trail in
 * Vietnamese with local times, both with who, when, why and the rule's version. "Now" is the engine's
 * clock. Changes of one case are serialised by a row lock and a version check.
 */
@Service("caseClockService")
@Transactional
public class CaseClock {

  /** Trail event types of the clock (labelled in {@code trail/event-types.yaml}). */
  public static final String STARTED = "CLOCK_STARTED";
  public static final String PAUSED = "CLOCK_PAUSED";
  public static final String RESUMED = "CLOCK_RESUMED";
  public static final String EXTENDED = "DEADLINE_EXTENDED";
  public static final String STOPPED = "CLOCK_STOPPED";

  private final CaseClockRepository clocks;
  private final ClockArithmetic arithmetic;
  private final StepClock office;
  private final CaseTrail trail;

  CaseClock(CaseClockRepository clocks, ClockArithmetic arithmetic, StepClock office, CaseTrail trail) {
    this.clocks = clocks;
    this.arithmetic = arithmetic;
    this.office = office;
    this.trail = trail;
  }

  /**
   * Starts the case's clock under {@code rule}, counting from {@code countFrom} (the moment the case
   * counts as accepted, e.g. the next opening for a dossier handed in after hours).
   *
   * @return the deadline
   * @throws ConcurrentClockChangeException if the case has a clock already
   */
  public Instant start(CaseRef ref, ClockRule rule, Instant countFrom, String actor) {
    CaseClockState clock = arithmetic.start(ref, rule, countFrom);
    Instant now = EngineClock.now();
    clocks.insert(clock, now, actor);
    record(clock, STARTED, actor, now, null, null, null, "Thời hạn giải quyết: " + ClockTexts.term(rule.term())
        + ", tính từ " + VietnamTime.text(countFrom) + " đến " + VietnamTime.text(clock.deadlineAt()));
    return clock.deadlineAt();
  }

  /**
   * Takes over a case that was running before it had a clock (a dossier in progress when the clock
   * was installed): its deadline and extensions as they were, recorded as a start.
   */
  public CaseClockState adopt(CaseRef ref, ClockRule rule, Instant startedAt, Instant deadline, int extensionsUsed) {
    CaseClockState clock = new CaseClockState(ref, rule, ClockState.RUNNING, startedAt, deadline, null, null,
        Math.min(extensionsUsed, rule.maxExtensions()), 0);
    Instant now = EngineClock.now();
    clocks.insert(clock, now, null);
    record(clock, STARTED, null, now, null, null, null,
        "Tiếp nhận thời hạn đã hẹn trước khi có đồng hồ thời hạn: " + VietnamTime.text(deadline));
    return clocks.find(ref.caseKey()).orElseThrow();
  }

  /** Stops counting (a supplement request, the suspension of a complaint). */
  public void pause(String caseKey, String reason, String actor) {
    CaseClockState before = locked(caseKey);
    Instant now = EngineClock.now();
    CaseClockState after = arithmetic.pause(before, now);
    clocks.update(after, now, actor);
    String left = after.remaining() == null ? "; khi tiếp tục, thời hạn được tính lại từ đầu"
        : "; thời gian còn lại: " + ClockTexts.remaining(after.rule().term().unit(), after.remaining());
    record(after, PAUSED, actor, now, reason, null, before.deadlineAt(),
        reason + ". Thời hạn đang là " + VietnamTime.text(before.deadlineAt()) + left);
  }

  /** Resumes counting from now; see {@link #resume(String, String, Instant)}. */
  public Instant resume(String caseKey, String actor) {
    return resume(caseKey, actor, EngineClock.now());
  }

  /**
   * Resumes counting from {@code countFrom} by the rule's resume mode.
   *
   * @return the new deadline
   */
  public Instant resume(String caseKey, String actor, Instant countFrom) {
    CaseClockState before = locked(caseKey);
    Instant now = EngineClock.now();
    CaseClockState after = arithmetic.resume(before, countFrom);
    clocks.update(after, now, actor);
    String how = before.rule().resumeMode() == ResumeMode.RESTART
        ? "Tính lại thời hạn từ đầu (" + ClockTexts.term(before.rule().term()) + ")"
        : "Tính tiếp thời gian còn lại (" + ClockTexts.remaining(before.rule().term().unit(), before.remaining()) + ")";
    record(after, RESUMED, actor, now, null, null, before.deadlineAt(),
        how + " từ " + VietnamTime.text(countFrom) + ": hạn mới " + VietnamTime.text(after.deadlineAt()));
    return after.deadlineAt();
  }

  /**
   * Extends the deadline by a decision, if the rule still allows an extension.
   *
   * @return the new deadline
   * @throws ExtensionRefusedException when the rule's extensions are used up (nothing changed)
   * @throws InvalidExtensionException when the new deadline is not after the one in force
   */
  public Instant extend(String caseKey, Extension extension) {
    CaseClockState before = locked(caseKey);
    Instant now = EngineClock.now();
    CaseClockState after = arithmetic.extend(before, extension);
    clocks.update(after, now, extension.actor());
    String decision = extension.decisionRef() == null ? "" : " (căn cứ: " + extension.decisionRef() + ")";
    record(after, EXTENDED, extension.actor(), now, extension.reason(), extension.decisionRef(), before.deadlineAt(),
        extension.reason() + decision + ". Hạn mới: " + VietnamTime.text(after.deadlineAt()) + ", hạn trước: "
            + VietnamTime.text(before.deadlineAt()) + " (gia hạn lần " + after.extensionsUsed() + "/"
            + after.rule().maxExtensions() + ")");
    return after.deadlineAt();
  }

  /** Stops the clock for good (result ready, refused, withdrawn, closed); nothing if it has none or is stopped. */
  public void stop(String caseKey, String reason, String actor) {
    Optional<CaseClockState> found = clocks.lock(caseKey);
    if (found.isEmpty() || found.get().state() == ClockState.STOPPED) {
      return;
    }
    Instant now = EngineClock.now();
    CaseClockState after = arithmetic.stop(found.get());
    clocks.update(after, now, actor);
    record(after, STOPPED, actor, now, reason, null, found.get().deadlineAt(), reason);
  }

  @Transactional(readOnly = true)
  public Optional<CaseClockState> find(String caseKey) {
    return clocks.find(caseKey);
  }

  @Transactional(readOnly = true)
  public List<ClockChange> changes(String caseKey) {
    return clocks.changes(caseKey);
  }

  /**
   * When a step of the case started now with this budget is due: office time, never after the
   * case's deadline while it runs.
   */
  @Transactional(readOnly = true)
  public Instant stepDue(String caseKey, WorkingTime budget) {
    return stepDue(clocks.find(caseKey)
        .orElseThrow(() -> new IllegalStateException("Case " + caseKey + " has no clock")), budget);
  }

  /** The same, for a clock already read (a due-date expression reads it once to route by process). */
  public Instant stepDue(CaseClockState clock, WorkingTime budget) {
    Instant cap = clock.state() == ClockState.RUNNING ? clock.deadlineAt() : null;
    return office.stepDue(EngineClock.now(), budget, cap);
  }

  private CaseClockState locked(String caseKey) {
    return clocks.lock(caseKey).orElseThrow(() -> new IllegalStateException("Case " + caseKey + " has no clock"));
  }

  private void record(CaseClockState clock, String type, String actor, Instant now, String reason, String decisionRef,
      Instant deadlineBefore, String details) {
    CaseRef ref = clock.ref();
    clocks.record(new ClockChange(ref.caseKey(), ref.processKey(), type, actor, now, clock.rule().version(), reason,
        decisionRef, deadlineBefore, clock.deadlineAt(), clock.extensionsUsed()));
    trail.record(new CaseEvent(ref.caseKey(), ref.processKey(), ref.unit(), type, actor, now, null,
        clock.rule().version(), details));
  }
}
