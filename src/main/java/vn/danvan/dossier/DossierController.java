package vn.danvan.dossier;

import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.config.BadRequestException;
import vn.danvan.identity.UnitAccess;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentService;
import vn.danvan.document.StoredDocument;
import vn.danvan.procedure.Procedure;
import vn.danvan.procedure.ProcedureCatalogue;
import vn.danvan.trail.EventTypeLabels;

/**
 * The officials' dossier API: one-stop officers of a unit receive complete dossiers
 * ({@code POST /api/dossiers}), take supplements and record withdrawals; the unit's officials and
 * auditors read a dossier with its documents and trail. A dossier of another unit answers 404, as
 * an unknown one does. Answers carry no ID number and no phone number.
 */
@RestController
@RequestMapping("/api/dossiers")
class DossierController {

  private final DossierDesk desk;
  private final DossierService dossiers;
  private final DocumentService documents;
  private final ProcedureCatalogue catalogue;
  private final IdentityService identity;
  private final EventTypeLabels labels;

  DossierController(DossierDesk desk, DossierService dossiers, DocumentService documents,
      ProcedureCatalogue catalogue, IdentityService identity, EventTypeLabels labels) {
    this.labels = labels;
    this.desk = desk;
    this.dossiers = dossiers;
    this.documents = documents;
    this.catalogue = catalogue;
    this.identity = identity;
  }

  @PostMapping
  ResponseEntity<ReceiptAnswer> receive(@RequestBody NewDossierRequest request) {
    if (request.unit() == null || request.unit().isBlank()) {
      throw new BadRequestException("unit", "'unit' is required");
    }
    Authentication user = identity.getCurrentAuthentication();
    if (!UnitAccess.isOneStopOfficerOf(user, request.unit().trim())) {
      throw DossierApiException.forbidden("Only one-stop officers of unit " + request.unit().trim()
          + " receive its dossiers");
    }
    String code = desk.receive(request, user.getUserId());
    ReceiptAnswer answer = receipt(code);
    return ResponseEntity.created(URI.create("/api/dossiers/" + code)).body(answer);
  }

  @GetMapping("/{code}")
  DossierView read(@PathVariable String code) {
    Dossier d = dossiers.find(code)
        .filter(found -> UnitAccess.mayRead(identity.getCurrentAuthentication(), found.unit()))
        .orElseThrow(DossierApiException::notFound);
    List<DossierView.Document> docs = documents.findByCase(code).stream()
        .map(doc -> new DossierView.Document(doc.id(), doc.kind().name(), doc.numberLine(), doc.state().name(),
            doc.title())).toList();
    List<DossierView.Event> events = dossiers.events(code).stream()
        .map(e -> new DossierView.Event(VietnamTime.iso(e.occurredAt()), VietnamTime.text(e.occurredAt()),
            e.type(), labels.label(e.type()), e.actor(), e.detail(), e.step(), e.ruleVersion())).toList();
    return new DossierView(d.code(), d.unit(), d.procedureCode(), procedureName(d), d.state().name(),
        d.state().label(), VietnamTime.iso(d.receivedAt()), VietnamTime.iso(d.appointmentAt()), VietnamTime.iso(d.firstAppointmentAt()),
        d.appointmentMoved(), VietnamTime.iso(d.resultReadyAt()), VietnamTime.iso(d.returnedAt()),
        d.outcome() == null ? null : d.outcome().name(), d.satisfaction(), d.citizenRating(),
        VietnamTime.iso(d.citizenRatedAt()), docs, events, dossiers.clock(code).map(DossierController::clock).orElse(null));
  }

  private static DossierView.Clock clock(vn.danvan.sla.CaseClockState c) {
    return new DossierView.Clock(c.state().name(), c.state().label(), VietnamTime.iso(c.deadlineAt()),
        VietnamTime.text(c.deadlineAt()), VietnamTime.iso(c.pausedAt()), c.extensionsUsed(), c.rule().maxExtensions(),
        c.rule().version());
  }

  @PostMapping("/{code}/supplement")
  ReceiptAnswer supplement(@PathVariable String code) {
    Dossier dossier = officersDossier(code);
    desk.supplement(dossier, identity.getCurrentAuthentication().getUserId());
    return receipt(code);
  }

  @PostMapping("/{code}/withdrawal")
  WithdrawalAnswer withdraw(@PathVariable String code, @RequestBody WithdrawalRequest request) {
    Dossier dossier = officersDossier(code);
    if (request.reason() == null || request.reason().isBlank()) {
      throw new BadRequestException("reason", "'reason' is required");
    }
    if (request.reason().length() > NewDossierRequest.MAX_TEXT) {
      throw new BadRequestException("reason", "'reason' is longer than " + NewDossierRequest.MAX_TEXT + " characters");
    }
    desk.withdraw(dossier, request.reason().trim(), identity.getCurrentAuthentication().getUserId());
    Dossier after = desk.find(code);
    StoredDocument notice = desk.latest(code, DocumentKind.STOP_NOTICE);
    return new WithdrawalAnswer(code, after.state().name(), after.state().label(), notice.id(),
        "/api/documents/" + notice.id());
  }

  /**
   * The dossier, if the caller is a one-stop officer of its unit. Officials of the unit in another
   * role get 403; everyone else the 404 of an unknown dossier.
   */
  private Dossier officersDossier(String code) {
    Authentication user = identity.getCurrentAuthentication();
    Dossier dossier = dossiers.find(code).filter(d -> UnitAccess.mayRead(user, d.unit()))
        .orElseThrow(DossierApiException::notFound);
    if (!UnitAccess.isOneStopOfficerOf(user, dossier.unit())) {
      throw DossierApiException.forbidden("Only one-stop officers of the dossier's unit may do this");
    }
    return dossier;
  }

  private ReceiptAnswer receipt(String code) {
    Dossier dossier = desk.find(code);
    StoredDocument receipt = desk.latest(code, DocumentKind.RECEIPT);
    return new ReceiptAnswer(dossier.code(), dossier.unit(), dossier.procedureCode(), dossier.state().name(),
        VietnamTime.iso(dossier.appointmentAt()), receipt.id(), "/api/documents/" + receipt.id());
  }

  private String procedureName(Dossier dossier) {
    return catalogue.find(dossier.procedureCode(), dossiers.acceptedOn(dossier), false)
        .map(Procedure::name).orElse(null);
  }

  /** What the officer gets after a receipt: the code, the appointment and the receipt (Form 01). */
  record ReceiptAnswer(String code, String unit, String procedureCode, String state, String appointmentAt,
      String receiptDocumentId, String receiptUrl) {}

  record WithdrawalRequest(String reason) {}

  record WithdrawalAnswer(String code, String state, String stateLabel, String stopNoticeDocumentId,
      String stopNoticeUrl) {}
}
