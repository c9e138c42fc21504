package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dossier.DossierProcess.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import vn.danvan.support.ProcedureSamples;

/**
 * Drives {@code dossierApproval} in process tests: starts a dossier of Đông Hà as its one-stop
 * officer, runs the asynchronous signing steps and timers as the job executor would, and reads what
 * the process recorded. Shared by the process tests so that each says only what it checks.
 */
final class DossierProcessDriver {

  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;

  DossierProcessDriver(RuntimeService runtime, ManagementService management, HistoryService history) {
    this.runtime = runtime;
    this.management = management;
    this.history = history;
  }

  /**
   * A dossier with every field the start form needs (its procedure's section from
   * {@link ProcedureSamples}), and the text its check result requires.
   */
  ProcessInstance start(String procedure, String checkResult, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(Map.of("unitCode", "dongha", VAR_PROCEDURE_CODE, procedure,
        VAR_APPLICANT_NAME, "Nguyễn Văn An", VAR_ID_NUMBER, "045201000123", VAR_PHONE, "0912345678",
        VAR_CHANNEL, "COUNTER", VAR_DOCUMENT_LIST, "Bản chính và bản sao giấy tờ", VAR_CHECK_RESULT, checkResult,
        VAR_RECEIVING_OFFICER, "dongha.officer", VAR_EMAIL, "an.nguyen@example.vn"));
    if (CHECK_INCOMPLETE.equals(checkResult)) {
      variables.put(VAR_MISSING_ITEMS, "Bản sao căn cước công dân");
    }
    if (CHECK_NOT_ACCEPTED.equals(checkResult)) {
      variables.put(VAR_REFUSAL_REASONS, "Không thuộc thẩm quyền của Ủy ban nhân dân phường");
    }
    variables.putAll(ProcedureSamples.fields(procedure));
    variables.putAll(extra);
    return runtime.startProcessInstanceByKey(KEY, variables);
  }

  /** The asynchronous signing steps, run as the job executor would. */
  void signAll(ProcessInstance dossier) {
    for (int i = 0; i < 5; i++) {
      List<Job> jobs = new ArrayList<>();
      for (String step : List.of(TASK_PREPARE_RESULT, TASK_SIGN_RESULT, TASK_SIGN_COURTESY_LETTER, TASK_SIGN_REFUSAL,
          TASK_SIGN_SUPPLEMENT_REQUEST, TASK_SIGN_APOLOGY)) {
        jobs.addAll(management.createJobQuery().processInstanceId(dossier.getId()).activityId(step).list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** The timer of {@code timerActivity}, which must exist. */
  Job timer(ProcessInstance dossier, String timerActivity) {
    Job job = management.createJobQuery().processInstanceId(dossier.getId()).activityId(timerActivity).singleResult();
    assertThat(job).as("timer " + timerActivity).isNotNull();
    return job;
  }

  void fire(ProcessInstance dossier, String timerActivity) {
    management.executeJob(timer(dossier, timerActivity).getId());
  }

  Instant appointment(ProcessInstance dossier) {
    return ((Date) runtime.getVariable(dossier.getId(), VAR_APPOINTMENT_AT)).toInstant();
  }

  Object historyVariable(ProcessInstance dossier, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(dossier.getId()).variableName(name)
        .singleResult().getValue();
  }

  String code(ProcessInstance dossier) {
    return (String) historyVariable(dossier, VAR_DOSSIER_CODE);
  }

  /** Moves the engine's clock to this Vietnam local time ("2026-11-25T09:00"). */
  static void at(String local) {
    ClockUtil.setCurrentTime(Date.from(local(local)));
  }

  /** A Vietnam local time ("2026-11-25T17:00") as an instant, for expected due dates. */
  static Instant local(String local) {
    return OffsetDateTime.parse(local + ":00+07:00").toInstant();
  }
}
