package vn.danvan.dossier;

import vn.danvan.sla.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.config.BadRequestException;
import vn.danvan.procedure.AppointmentCalculator;
import vn.danvan.procedure.Channel;
import vn.danvan.procedure.Procedure;
import vn.danvan.procedure.ProcedureCatalogue;
import vn.danvan.sla.CaseClock;
import vn.danvan.sla.CaseClockState;
import vn.danvan.sla.CaseRef;
import vn.danvan.sla.ClockRule;
import vn.danvan.sla.ClockRuleBook;
import vn.danvan.sla.ClockState;
import vn.danvan.sla.Extension;
import vn.danvan.sla.ExtensionRefusedException;
import vn.danvan.sla.InvalidExtensionException;
import vn.danvan.sla.StepClock;
import vn.danvan.sla.Term;
import vn.danvan.sla.TermUnit;
import vn.danvan.trail.CaseEvent;
import vn.danvan.trail.CaseTrail;

/**
 * The rules of a one-stop dossier's life (Decree 118/2025, docs/legal-rules.md §2): registration with its
 * code, the receipt and its appointment, the paused and restarted clock of a supplement, the one
 * apology that may move the appointment, the outcome against the appointment in force. Every
 * change leaves an entry in the case trail. Times are the engine's clock.
 *
 * <p>The appointment is the deadline of the dossier's case clock ({@link CaseClock}): the receipt
 * starts it (or resumes it, from zero, after a supplement), a supplement request pauses it, the
 * apology extends it (once: {@code ONE_STOP_DOSSIER} in {@code sla/clock-rules.yaml}). The register's
 * appointment columns are the read model the counter and the public page show.
 */
@Service
@Transactional
public class DossierService {

  private final DossierRegister register;
  private final ProcedureCatalogue catalogue;
  private final AppointmentCalculator appointments;
  private final WorkCalendar calendar;
  private final StepClock clock;
  private final DossierProperties properties;
  private final CaseTrail trail;
  private final CaseClock caseClock;
  private final ClockRuleBook clockRules;

  /** The rule family of the one-stop dossier in {@code sla/clock-rules.yaml}. */
  static final String CLOCK_RULES = "ONE_STOP_DOSSIER";

  DossierService(DossierRegister register, ProcedureCatalogue catalogue, AppointmentCalculator appointments,
      WorkCalendar calendar, StepClock clock, DossierProperties properties, CaseTrail trail, CaseClock caseClock,
      ClockRuleBook clockRules) {
    this.trail = trail;
    this.caseClock = caseClock;
    this.clockRules = clockRules;
    this.register = register;
    this.catalogue = catalogue;
    this.appointments = appointments;
    this.calendar = calendar;
    this.clock = clock;
    this.properties = properties;
  }

  /** Registers a new dossier and returns its code. */
  public String register(String unit, String procedureCode, String channel, String phone, String processInstanceId,
      String actor) {
    if (procedureCode == null || !catalogue.knows(procedureCode)) {
      throw new BadRequestException(DossierProcess.VAR_PROCEDURE_CODE, DossierProcess.VAR_PROCEDURE_CODE + ": unknown procedure " + procedureCode);
    }
    Channel parsedChannel = channel(channel);
    String digits = phone == null ? "" : phone.replaceAll("\\D", "");
    if (digits.length() < 9) {
      throw new BadRequestException(DossierProcess.VAR_PHONE, "A phone number has at least 9 digits");
    }
    Instant now = EngineClock.now();
    String code = register.newCode(unit, now);
    register.insert(new Dossier(code, unit, procedureCode, parsedChannel.name(), processInstanceId,
        digits.substring(digits.length() - 4), DossierState.RECEIVED, now, null, null, false, null, null, null, null, null, null));
    trail(unit, code, DossierEventType.RECEIVED, actor, null, "Kênh nộp: " + parsedChannel.label());
    return code;
  }

  /**
   * The procedure as in force for this dossier: the catalogue row of the day it was accepted, never
   * today's — a dossier accepted on 30/6 keeps the rule of 30/6 when read on 1/7.
   */
  public Procedure procedure(String code, boolean verificationNeeded) {
    return procedure(require(code), verificationNeeded);
  }

  private Procedure procedure(Dossier dossier, boolean verificationNeeded) {
    return catalogue.find(dossier.procedureCode(), acceptedOn(dossier), verificationNeeded)
        .orElseThrow(() -> new IllegalStateException("Procedure " + dossier.procedureCode() + " is not in force"));
  }

  /**
   * The acceptance date that selects the dossier's catalogue row: from the stored moment of its
   * reception and its channel (a dossier handed in after office hours counts from the next opening),
   * never from the clock. A supplement restarts the deadline but not the rule: the dossier was
   * accepted when it was first received.
   */
  public LocalDate acceptedOn(Dossier dossier) {
    return WorkCalendar.dateOf(appointments.acceptedAt(dossier.receivedAt(), Channel.valueOf(dossier.channel())));
  }

  /**
   * What a receipt states: the dossier, the procedure in force, the moment the statutory clock
   * (re)started and the appointment.
   */
  public record Receipt(Dossier dossier, Procedure procedure, Instant completeAt, Instant appointment) {}

  /**
   * The dossier is complete: the statutory clock starts — or, when the citizen has just supplemented
   * it, restarts from zero — and the receipt states the appointment.
   */
  public Receipt issueReceipt(String code, boolean verificationNeeded, String actor) {
    Dossier dossier = require(code);
    if (dossier.state() == DossierState.WAITING_SUPPLEMENT) {
      trail(dossier, DossierEventType.SUPPLEMENTED, actor, null);
    }
    Procedure procedure = procedure(dossier, verificationNeeded);
    Instant now = EngineClock.now();
    // counting starts when the complete dossier counts as accepted (after hours: the next opening)
    Instant countFrom = appointments.acceptedAt(now, Channel.valueOf(dossier.channel()));
    Optional<CaseClockState> clock = caseClock.find(code);
    Instant appointment;
    if (clock.isEmpty()) {
      appointment = caseClock.start(new CaseRef(code, DossierProcess.KEY, dossier.unit()), clockRule(dossier, procedure),
          countFrom, actor);
    } else if (clock.get().state() == ClockState.PAUSED) {
      appointment = caseClock.resume(code, actor, countFrom);
    } else {
      throw new IllegalStateException("Dossier " + code + " has a receipt already");
    }
    register.receiptIssued(code, appointment);
    trail(dossier, DossierEventType.RECEIPT_ISSUED, actor, ruleVersion(procedure),
        "Hẹn trả kết quả: " + VietnamTime.text(appointment));
    return new Receipt(dossier, procedure, now, appointment);
  }

  /** One request listing everything missing; the clock stops until the dossier is complete. Returns the deadline. */
  public Instant requestSupplement(String code, String missingItems, String actor) {
    Dossier dossier = require(code);
    Instant due = calendar.plusWorkingDays(EngineClock.now(), properties.supplementWorkingDays());
    register.state(code, DossierState.WAITING_SUPPLEMENT);
    trail(dossier, DossierEventType.SUPPLEMENT_REQUESTED, actor, missingItems);
    // a supplement asked at the counter comes before any receipt: there is no clock to pause yet
    clock(dossier).filter(c -> c.state() == ClockState.RUNNING)
        .ifPresent(c -> caseClock.pause(code, "Yêu cầu bổ sung, hoàn thiện hồ sơ", actor));
    return due;
  }

  public void closeWithoutSupplement(String code) {
    Dossier dossier = require(code);
    register.state(code, DossierState.CLOSED);
    trail(dossier, DossierEventType.CLOSED, null,
        "Quá " + properties.supplementWorkingDays() + " ngày làm việc không bổ sung");
    caseClock.stop(code, "Kết thúc hồ sơ do không bổ sung đúng hạn", null);
  }

  public void refuse(String code, String reasons, String actor) {
    Dossier dossier = require(code);
    register.state(code, DossierState.REFUSED);
    trail(dossier, DossierEventType.REFUSED, actor, reasons);
    caseClock.stop(code, "Từ chối giải quyết hồ sơ", actor);
  }

  public void withdraw(String code, String reason, String actor) {
    Dossier dossier = require(code);
    register.state(code, DossierState.WITHDRAWN);
    trail(dossier, DossierEventType.WITHDRAWN, actor, reason);
    caseClock.stop(code, "Công dân rút hồ sơ", actor);
  }

  public void appointmentPassed(String code) {
    trail(require(code), DossierEventType.APPOINTMENT_PASSED, null, null);
  }

  /**
   * When the apology for a late result falls due, for a receipt: see {@link StepClock#apologyDue}; the
   * clock starts when the complete dossier counts as accepted.
   */
  public Instant apologyDue(Receipt receipt) {
    Instant started = appointments.acceptedAt(receipt.completeAt(), Channel.valueOf(receipt.dossier().channel()));
    return clock.apologyDue(started, receipt.appointment(), properties.apologyShortDeadlineShare());
  }

  /**
   * Moves the appointment with an apology letter: an extension of the dossier's clock, which its rule
   * allows once; only later.
   *
   * @throws ApologyRefusedException on a second apology (the refusal itself stays in the trail)
   */
  @Transactional(noRollbackFor = ApologyRefusedException.class)
  public Instant issueApology(String code, String reason, Instant newAppointment, String actor) {
    Dossier dossier = require(code);
    CaseClockState clock = clock(dossier)
        .orElseThrow(() -> new IllegalStateException("Dossier " + code + " has no appointment to move"));
    try {
      if (clock.extensionsLeft() == 0) {
        throw new ExtensionRefusedException(code, clock.rule().maxExtensions());
      }
      if (newAppointment == null) {
        throw new InvalidExtensionException(code, clock.deadlineAt());
      }
      caseClock.extend(code, Extension.to(newAppointment, "Thư xin lỗi và hẹn lại (Mẫu số 04)", reason, actor));
    } catch (ExtensionRefusedException e) {
      trail(dossier, DossierEventType.APOLOGY_REFUSED, actor, reason);
      throw new ApologyRefusedException(code);
    } catch (InvalidExtensionException e) {
      throw new BadRequestException(DossierProcess.VAR_NEW_APPOINTMENT, DossierProcess.VAR_NEW_APPOINTMENT + " must be after the current appointment ("
          + DossierDocuments.dateTime(e.current()) + ")");
    }
    register.appointmentMoved(code, newAppointment);
    trail(dossier, DossierEventType.APOLOGY_ISSUED, actor, reason + " — hẹn lại: " + VietnamTime.text(newAppointment));
    return newAppointment;
  }

  public void resultReady(String code) {
    Dossier dossier = require(code);
    register.resultReady(dossier.code(), EngineClock.now());
    trail(dossier, DossierEventType.RESULT_READY, null, null);
    caseClock.stop(code, "Đã có kết quả giải quyết", null);
  }

  /** The result is handed over: classifies and stores the outcome. */
  public Outcome returned(String code, Integer satisfaction, String actor) {
    Dossier dossier = require(code);
    if (dossier.resultReadyAt() == null || dossier.appointmentAt() == null) {
      throw new IllegalStateException("Dossier " + code + " has no result to return");
    }
    Outcome outcome = Outcome.of(dossier.resultReadyAt(), dossier.appointmentAt());
    register.returned(code, EngineClock.now(), outcome, validRating(satisfaction));
    trail(dossier, DossierEventType.RETURNED, actor, outcome.label());
    if (satisfaction != null) {
      trail(dossier, DossierEventType.RATED, actor, String.valueOf(satisfaction));
    }
    return outcome;
  }

  /**
   * The citizen rates the service after the result was handed over (1 to 5), once: the first rating
   * is kept, in its own column, and the officer's recorded satisfaction stays as it was. Atomic: of
   * two concurrent first ratings exactly one is kept.
   *
   * @return false if the dossier had already been rated by the citizen (nothing changed)
   * @throws IllegalStateException if the result has not been returned
   */
  public boolean rate(String code, int rating) {
    Dossier dossier = require(code);
    if (dossier.state() != DossierState.RETURNED) {
      throw new IllegalStateException("Dossier " + code + " has not been returned yet");
    }
    if (!register.citizenRating(code, validRating(rating), EngineClock.now())) {
      return false;
    }
    trail(dossier, DossierEventType.RATED, null, String.valueOf(rating));
    return true;
  }

  /** The dossier's case clock, if it has one (the source of its appointment). */
  @Transactional(readOnly = true)
  public Optional<CaseClockState> clock(String code) {
    return caseClock.find(code);
  }

  public Optional<Dossier> find(String code) {
    return register.find(code);
  }

  public Optional<Dossier> findByProcessInstance(String processInstanceId) {
    return register.findByProcessInstance(processInstanceId);
  }

  /** The dossier's trail in time order: the case trail's entries of process {@code dossierApproval}. */
  public List<DossierEvent> events(String code) {
    return trail.events(code).stream().filter(e -> DossierProcess.KEY.equals(e.processKey()))
        .map(e -> new DossierEvent(e.occurredAt(), e.type(), e.actor(), e.details(),
            e.step(), e.ruleVersion()))
        .toList();
  }

  private void trail(Dossier dossier, DossierEventType type, String actor, String details) {
    trail(dossier.unit(), dossier.code(), type, actor, null, details);
  }

  private void trail(Dossier dossier, DossierEventType type, String actor, String ruleVersion, String details) {
    trail(dossier.unit(), dossier.code(), type, actor, ruleVersion, details);
  }

  /** Every dossier event goes to the case trail; the step is the BPMN activity being executed. */
  private void trail(String unit, String code, DossierEventType type, String actor, String ruleVersion,
      String details) {
    trail.record(new CaseEvent(code, DossierProcess.KEY, unit, type.name(), actor, EngineClock.now(), null, ruleVersion,
        details));
  }

  /** The dossier's clock rule: the deadline of its catalogue row, the one-stop policy of its acceptance day. */
  private ClockRule clockRule(Dossier dossier, Procedure procedure) {
    Term term = switch (procedure.deadline().type()) {
      case SAME_DAY -> new Term(0, TermUnit.SAME_DAY);
      case HALF_DAY -> new Term(procedure.deadline().amount(), TermUnit.HALF_DAYS);
      case WORKING_DAYS -> new Term(procedure.deadline().amount(), TermUnit.WORKING_DAYS);
    };
    return clockRules.policy(CLOCK_RULES, acceptedOn(dossier)).rule(ruleVersion(procedure), term);
  }

  /**
   * The dossier's clock. A dossier that got its receipt before the clock existed has none: it is
   * taken over with its appointment as it stands (the rule of its acceptance day, without
   * verification — the one case the catalogue row depends on verification is a same-day/5-day
   * marriage, whose deadline is already fixed in its appointment).
   */
  private Optional<CaseClockState> clock(Dossier dossier) {
    Optional<CaseClockState> clock = caseClock.find(dossier.code());
    if (clock.isPresent() || dossier.appointmentAt() == null) {
      return clock;
    }
    Procedure procedure = procedure(dossier, false);
    CaseClockState adopted = caseClock.adopt(new CaseRef(dossier.code(), DossierProcess.KEY, dossier.unit()),
        clockRule(dossier, procedure), dossier.receivedAt(), dossier.appointmentAt(), dossier.appointmentMoved() ? 1 : 0);
    return Optional.of(adopted);
  }

  private Dossier require(String code) {
    return register.find(code).orElseThrow(() -> new IllegalStateException("No dossier " + code));
  }

  /** The catalogue row the dossier runs under, by the first acceptance date it applies to. */
  private static String ruleVersion(Procedure procedure) {
    return procedure.effectiveFrom() == null ? null : procedure.effectiveFrom().toString();
  }

  private static Integer validRating(Integer rating) {
    if (rating != null && (rating < 1 || rating > 5)) {
      throw new BadRequestException(DossierProcess.VAR_SATISFACTION, "Satisfaction is rated from 1 to 5");
    }
    return rating;
  }

  private static Channel channel(String channel) {
    try {
      return Channel.valueOf(channel == null ? DossierProcess.CHANNEL_COUNTER : channel);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(DossierProcess.VAR_CHANNEL, "Channel is COUNTER, ONLINE or POSTAL");
    }
  }
}
