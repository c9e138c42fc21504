package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.util.Comparator;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentService;
import vn.danvan.document.StoredDocument;
import vn.danvan.identity.WithoutAuthorization;

/**
 * The one-stop counter's actions behind {@code /api/dossiers}: receive a complete dossier, take the
 * supplement the citizen brought, record a withdrawal. Each runs in one transaction with the engine
 * (the register and the documents join it), so a failure leaves neither a register entry nor a
 * document behind. Callers have checked that the officer belongs to the dossier's unit.
 */
@Service
@Transactional
class DossierDesk {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ProcessEngine engine;
  private final DossierService dossiers;
  private final DocumentService documents;

  DossierDesk(ProcessEngine processEngine, DossierService dossiers, DocumentService documents) {
    this.runtime = processEngine.getRuntimeService();
    this.tasks = processEngine.getTaskService();
    this.engine = processEngine;
    this.dossiers = dossiers;
    this.documents = documents;
  }

  /** Starts {@code dossierApproval} for a complete dossier as the authenticated officer; returns its code. */
  String receive(NewDossierRequest request, String officer) {
    var started = runtime.createProcessInstanceByKey(KEY).setVariables(request.variables(officer))
        .executeWithVariablesInReturn();
    Object code = started.getVariables().get(VAR_DOSSIER_CODE);
    if (code == null) {
      throw new IllegalStateException("The dossier was not registered");
    }
    return code.toString();
  }

  /** The citizen brought what was missing: the waiting supplement task is claimed and completed. */
  void supplement(Dossier dossier, String officer) {
    if (dossier.state() != DossierState.WAITING_SUPPLEMENT) {
      throw DossierApiException.conflict("The dossier is not waiting for a supplement");
    }
    Task task = tasks.createTaskQuery().processInstanceId(dossier.processInstanceId())
        .taskDefinitionKey(TASK_RECEIVE_SUPPLEMENT).singleResult();
    if (task == null) {
      throw DossierApiException.conflict("The dossier is not waiting for a supplement");
    }
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), officer);
    } else if (!task.getAssignee().equals(officer)) {
      throw DossierApiException.conflict("The supplement task is claimed by another officer");
    }
    tasks.complete(task.getId(), Map.of(VAR_CHECK_RESULT, CHECK_COMPLETE, VAR_RECEIVING_OFFICER, officer));
  }

  /**
   * The citizen withdraws the dossier. Officers have no general right to change process instances,
   * so the message is correlated without authorization checks, after the caller's unit check.
   */
  void withdraw(Dossier dossier, String reason, String officer) {
    if (dossier.state().finished()) {
      throw DossierApiException.conflict("The dossier is already finished: " + dossier.state());
    }
    try {
      WithoutAuthorization.call(engine, () ->
          runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(dossier.code())
              .tenantId(dossier.unit())
              .setVariable(VAR_WITHDRAWAL_REASON, reason).setVariable(VAR_WITHDRAWAL_RECORDED_BY, officer)
              .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw DossierApiException.conflict("The dossier can no longer be withdrawn: " + dossier.state());
    }
  }

  /** The newest document of a kind for the dossier (the receipt of the clock now running, the stop notice). */
  StoredDocument latest(String code, DocumentKind kind) {
    return documents.findByCase(code).stream().filter(d -> d.kind().equals(kind))
        .max(Comparator.comparing(StoredDocument::createdAt).thenComparing(StoredDocument::number))
        .orElseThrow(() -> new IllegalStateException("No " + kind + " document for dossier " + code));
  }

  Dossier find(String code) {
    return dossiers.find(code).orElseThrow(DossierApiException::notFound);
  }
}
