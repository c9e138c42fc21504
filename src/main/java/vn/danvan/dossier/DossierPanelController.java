package vn.danvan.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.config.BadRequestException;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentState;
import vn.danvan.document.StoredDocument;
import vn.danvan.identity.ProcessGrants;
import vn.danvan.identity.Roles;
import vn.danvan.identity.UnitAccess;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.procedure.Procedure;
import vn.danvan.sla.EngineClock;

/**
 * What the Tasklist plugin shows beside a dossier's tasks and after a receipt, for the officials
 * of the dossier's unit (another unit's dossier answers 404, as an unknown one does):
 * <ul>
 *   <li>{@code GET /api/dossiers/{code}/steps}: the open steps with their deadlines and state;</li>
 *   <li>{@code GET /api/dossiers/{code}/draft-result}: the result as it will be issued, marked
 *       "DỰ THẢO" and without number, while the dossier waits for the leader's approval; only for
 *       the roles that work on or read the dossier process (it names the applicant);</li>
 *   <li>{@code GET /api/counter/recent}: the dossiers the caller received at the counter in the
 *       last minutes, with their receipt (Form 01) or supplement request (Form 02).</li>
 * </ul>
 * All of them read only; auditors of the unit read them as officials do.
 */
@RestController
class DossierPanelController {

  /** A step due within this time is "sắp đến hạn". */
  static final Duration DUE_SOON = Duration.ofHours(24);
  static final int DEFAULT_MINUTES = 30;
  static final int MAX_MINUTES = 480;

  private final DossierService dossiers;
  private final DocumentService documents;
  private final DossierDocuments drafts;
  private final CounterReceipts receipts;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ProcessGrants grants;
  private final UnitOfficials officials;

  DossierPanelController(DossierService dossiers, DocumentService documents, DossierDocuments drafts,
      CounterReceipts receipts, IdentityService identity, TaskService tasks, RuntimeService runtime,
      ProcessGrants grants, UnitOfficials officials) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.drafts = drafts;
    this.receipts = receipts;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.grants = grants;
    this.officials = officials;
  }

  @GetMapping("/api/dossiers/{code}/steps")
  List<Step> steps(@PathVariable String code) {
    Dossier dossier = readable(code);
    Instant now = EngineClock.now();
    return openTasks(dossier).stream().map(t -> {
      Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
      DueState state = DueState.of(due, now);
      return new Step(t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), VietnamTime.iso(due), VietnamTime.text(due),
          state == null ? null : state.name(), state == null ? null : state.label);
    }).toList();
  }

  @GetMapping("/api/dossiers/{code}/draft-result")
  ResponseEntity<byte[]> draftResult(@PathVariable String code) {
    Authentication user = identity.getCurrentAuthentication();
    Dossier dossier = readable(code);
    if (!worksOnDossiers(user)) {
      throw DossierApiException.notFound();
    }
    boolean awaitingApproval = openTasks(dossier).stream()
        .anyMatch(t -> DossierProcess.TASK_APPROVE.equals(t.getTaskDefinitionKey()));
    if (!awaitingApproval) {
      throw DossierApiException.conflict("Dossier " + code + " is not waiting for approval: there is no draft result");
    }
    Map<String, Object> values = asEngine(() -> runtime.getVariables(dossier.processInstanceId()));
    String definitionId = asEngine(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(dossier.processInstanceId()).singleResult().getProcessDefinitionId());
    DossierVariables variables = DossierVariables.readOnly(dossier.unit(), dossier.processInstanceId(), definitionId,
        values);
    Procedure procedure = dossiers.procedure(code, variables.verificationNeeded());
    // the leader reading it signs it once approved; anyone else sees the signature block unnamed
    String signer = officials.official(dossier.unit(), user.getUserId()).isPresent() ? user.getUserId() : null;
    byte[] pdf = drafts.resultDraft(variables, dossier, procedure, signer);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(code + "-du-thao-ket-qua.pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  @GetMapping("/api/counter/recent")
  Recent recent(@RequestParam(name = "minutes", required = false) String minutesText) {
    int minutes = DEFAULT_MINUTES;
    if (minutesText != null) {
      try {
        minutes = Integer.parseInt(minutesText.trim());
      } catch (NumberFormatException e) {
        throw new BadRequestException("minutes", "'minutes' must be a whole number from 1 to " + MAX_MINUTES);
      }
      if (minutes < 1 || minutes > MAX_MINUTES) {
        throw new BadRequestException("minutes", "'minutes' must be a whole number from 1 to " + MAX_MINUTES);
      }
    }
    Authentication user = identity.getCurrentAuthentication();
    List<String> units = user.getTenantIds() == null ? List.of() : user.getTenantIds();
    Instant since = EngineClock.now().minus(Duration.ofMinutes(minutes));
    boolean officer = user.getGroupIds() != null && user.getGroupIds().contains(Roles.ONE_STOP_OFFICER);
    return new Recent(officer, minutes, receipts.receivedBy(user.getUserId(), units, since).stream()
        .flatMap(code -> dossiers.find(code).filter(d -> UnitAccess.mayRead(user, d.unit())).stream())
        .map(this::received).toList());
  }

  private Received received(Dossier d) {
    List<StoredDocument> docs = documents.findByCase(d.code());
    Doc receipt = latest(docs, DocumentKind.RECEIPT);
    Doc supplement = latest(docs, DocumentKind.SUPPLEMENT_REQUEST);
    String procedureName = procedureName(d);
    return new Received(d.code(), d.procedureCode(), procedureName, d.state().name(), d.state().label(),
        VietnamTime.iso(d.receivedAt()), VietnamTime.text(d.receivedAt()), VietnamTime.iso(d.appointmentAt()),
        VietnamTime.text(d.appointmentAt()), receipt, supplement);
  }

  private String procedureName(Dossier d) {
    try {
      return dossiers.procedure(d.code(), false).name();
    } catch (RuntimeException unknown) {
      return null;
    }
  }

  private static Doc latest(List<StoredDocument> docs, DocumentKind kind) {
    return docs.stream().filter(doc -> doc.kind().equals(kind)).reduce((a, b) -> b)
        .map(doc -> new Doc(doc.id(), doc.numberLine(), doc.state().name(), doc.state() == DocumentState.SIGNED,
            "/api/documents/" + doc.id()))
        .orElse(null);
  }

  private Dossier readable(String code) {
    return dossiers.find(code).filter(d -> UnitAccess.mayRead(identity.getCurrentAuthentication(), d.unit()))
        .orElseThrow(DossierApiException::notFound);
  }

  /** Administrators, and the roles that work on or read the dossier process (its variables name the applicant). */
  private boolean worksOnDossiers(Authentication user) {
    Set<String> roles = new HashSet<>();
    ProcessGrants.Process process = grants.processes().get(DossierProcess.KEY);
    if (process != null) {
      roles.addAll(process.work());
      roles.addAll(process.supervise());
      roles.addAll(process.read());
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(Roles.ADMIN) || groups.stream().anyMatch(roles::contains);
  }

  /**
   * The dossier's open user tasks, whoever may claim them: the caller may read the dossier (checked
   * before), and the steps of a case are part of reading it, while the engine would show each
   * official only the tasks of their own role.
   */
  private List<Task> openTasks(Dossier dossier) {
    if (dossier.processInstanceId() == null) {
      return List.of();
    }
    return asEngine(() -> tasks.createTaskQuery().processInstanceId(dossier.processInstanceId())
        .orderByTaskCreateTime().asc().list());
  }

  /** Runs a read as the application, not as the caller; only after the caller's access was checked. */
  private <T> T asEngine(java.util.function.Supplier<T> read) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** A step's deadline as people read it. */
  enum DueState {
    ON_TIME("Đúng hạn"), DUE_SOON("Sắp đến hạn"), OVERDUE("Quá hạn");

    final String label;

    DueState(String label) {
      this.label = label;
    }

    static DueState of(Instant due, Instant now) {
      if (due == null) {
        return null;
      }
      if (now.isAfter(due)) {
        return OVERDUE;
      }
      return now.plus(DossierPanelController.DUE_SOON).isAfter(due) ? DUE_SOON : ON_TIME;
    }
  }

  record Step(String taskKey, String name, String assignee, String dueAt, String dueText, String dueState,
      String dueStateLabel) {}

  record Doc(String id, String number, String state, boolean signed, String url) {}

  /** {@code officer}: whether the caller receives dossiers at all (the panel shows only for them). */
  record Recent(boolean officer, int minutes, List<Received> dossiers) {}

  record Received(String code, String procedureCode, String procedureName, String state, String stateLabel,
      String receivedAt, String receivedText, String appointmentAt, String appointmentText, Doc receipt,
      Doc supplementRequest) {}
}
