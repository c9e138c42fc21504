package vn.danvan.dossier;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.danvan.document.DocumentKind;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.notify.NotificationKind;
import vn.danvan.procedure.Procedure;

/**
 * One method per service step of {@code dossierApproval}: each reads the dossier's variables, lets
 * {@link DossierService} apply the rule (clock, state, trail), issues the step's document
 * ({@link DossierDocuments}) and message ({@link DossierNotifications}), and writes back what the
 * diagram and the forms read next. The delegates only call these; signing and the messages that
 * announce a signed letter are steps of their own in the diagram ({@code signDocumentDelegate},
 * {@code sendNotificationDelegate}).
 */
@Component
class DossierApplicationService {

  private static final Logger LOG = LoggerFactory.getLogger(DossierApplicationService.class);
  private static final String DEFAULT_WITHDRAWAL_REASON = "Theo đề nghị của người nộp hồ sơ";

  private final DossierService dossiers;
  private final DossierDocuments documents;
  private final DossierNotifications notifications;
  private final UnitOfficials officials;

  DossierApplicationService(DossierService dossiers, DossierDocuments documents, DossierNotifications notifications,
      UnitOfficials officials) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.notifications = notifications;
    this.officials = officials;
  }

  /**
   * "Vào sổ hồ sơ": the dossier's code (also the business key) and register entry, and who heads
   * the unit (late dossiers go to them, they sign courtesy letters).
   */
  void register(DossierVariables variables) {
    variables.registered(dossiers.register(variables.tenantId(), variables.procedureCode(), variables.channel(),
        variables.phone(), variables.processInstanceId(), variables.receivingOfficer()));
    variables.procedureName(dossiers.procedure(variables.code(), variables.verificationNeeded()).name());
    variables.chairman(officials.head(variables.tenantId()).orElse(null));
    variables.apologyIssued(false);
  }

  /**
   * "Lập giấy tiếp nhận và hẹn trả" (Form 01): the statutory clock starts — from zero again after a
   * supplement — and the receipt states the appointment.
   */
  void issueReceipt(DossierVariables variables) {
    DossierService.Receipt receipt = dossiers.issueReceipt(variables.code(), variables.verificationNeeded(),
        variables.receivingOfficer());
    Procedure procedure = receipt.procedure();
    variables.appointment(receipt.appointment());
    variables.apologyDue(dossiers.apologyDue(receipt));
    variables.hasCourtesyLetter(procedure.courtesyLetter().isPresent());
    variables.receiptDocument(documents.receipt(variables, receipt));
    notifications.receipt(variables, procedure.name(), receipt.appointment());
  }

  /**
   * "Lập phiếu yêu cầu bổ sung" (Form 02): one request listing everything missing; the clock stops
   * and the appointment no longer holds. Signed and sent by the next steps of the diagram.
   */
  void requestSupplement(DossierVariables variables) {
    String code = variables.code();
    String officer = variables.receivingOfficer();
    Instant due = dossiers.requestSupplement(code, variables.missingItems(), officer);
    variables.supplementDue(due);
    variables.supplementDocument(documents.supplementRequest(variables, dossiers.find(code).orElseThrow(),
        dossiers.procedure(code, false), officer, due));
    variables.clearAppointment();
  }

  /**
   * "Lập thư xin lỗi" (Form 04): moves the appointment once, with the leader's reason, and draws
   * the letter in the name of the leader who issued it (the head of the unit when the task was
   * completed without a user), who then signs it. The appointment timer reads the new appointment.
   *
   * @throws ApologyRefusedException on a second apology
   */
  void issueApology(DossierVariables variables) {
    String code = variables.code();
    String reason = variables.apologyReason();
    Instant newAppointment = variables.newAppointment();
    String issuedBy = variables.apologyIssuedBy();
    String signer = issuedBy == null ? variables.chairman() : issuedBy;
    Dossier before = dossiers.find(code).orElseThrow();
    dossiers.issueApology(code, reason, newAppointment, issuedBy);
    variables.apologyDocument(documents.apology(variables, before,
        dossiers.procedure(code, variables.verificationNeeded()), reason, newAppointment, signer));
    variables.apologyIssuedBy(signer);
    variables.appointment(newAppointment);
    variables.apologyIssued(true);
  }

  /**
   * "Đồng ý", in the leader's approval: refuses a leader who could not sign the result, while the
   * approval can still be refused (400, the task stays open). The result is drawn up and signed
   * afterwards by an asynchronous job ({@link DossierProcess#TASK_PREPARE_RESULT}), which nobody waits for.
   */
  void checkResultSigner(DossierVariables variables) {
    documents.checkResultSigner(variables, variables.approvingLeader());
  }

  /**
   * "Lập kết quả giải quyết": the result and, for births, marriages and deaths, the chairman's
   * letter. Runs in the asynchronous job after the approval.
   */
  void prepareResult(DossierVariables variables) {
    String code = variables.code();
    Dossier dossier = dossiers.find(code).orElseThrow();
    Procedure procedure = dossiers.procedure(code, variables.verificationNeeded());
    String leader = variables.approvingLeader();
    variables.resultKind(documents.resultKind(procedure).name());
    variables.resultDocument(documents.result(variables, dossier, procedure, leader));
    if (procedure.courtesyLetter().isEmpty()) {
      return;
    }
    if (DocumentKind.CONDOLENCE.name().equals(procedure.courtesyLetterKind()) && variables.deceasedName() == null) {
      // A condolence letter names the deceased; a dossier filed without the name (the API does not
      // require it) gets its result without the letter rather than failing the leader's approval.
      LOG.info("Dossier {}: no condolence letter, the deceased's name was not given", code);
      variables.hasCourtesyLetter(false);
      return;
    }
    String chairman = variables.chairman();
    if (chairman == null) {
      // the unit has no chairman or acting chairman recorded (UnitOfficials): the approving leader signs the letter
      chairman = leader;
      variables.chairman(leader);
    }
    variables.courtesyDocument(documents.courtesyLetter(variables, dossier, procedure, chairman));
  }

  /** "Lập phiếu từ chối giải quyết" (Form 03): not eligible or not competent, with the reasons. */
  void refuse(DossierVariables variables) {
    String code = variables.code();
    String reasons = variables.refusalReasons();
    String actor = variables.approvedBy() != null ? variables.approvedBy() : variables.receivingOfficer();
    dossiers.refuse(code, reasons, actor);
    variables.refusalDocument(documents.refusal(variables, dossiers.find(code).orElseThrow(),
        dossiers.procedure(code, false), reasons));
    notifications.refusal(variables, reasons);
  }

  /** "Lập thông báo dừng giải quyết" (Form 05): the citizen withdrew the dossier. */
  void withdraw(DossierVariables variables) {
    String code = variables.code();
    String given = variables.withdrawalReason();
    String reason = given == null || given.isBlank() ? DEFAULT_WITHDRAWAL_REASON : given;
    dossiers.withdraw(code, reason, variables.withdrawalRecordedBy());
    variables.stopDocument(documents.stopNotice(variables, dossiers.find(code).orElseThrow(),
        dossiers.procedure(code, false), reason));
    notifications.simple(variables, NotificationKind.WITHDRAWN);
  }

  /** "Đóng hồ sơ không bổ sung": the supplement period ran out. */
  void closeWithoutSupplement(DossierVariables variables) {
    dossiers.closeWithoutSupplement(variables.code());
    notifications.simple(variables, NotificationKind.CLOSED_NO_SUPPLEMENT);
  }

  /** "Báo kết quả đã có": the signed result is ready; the moment that decides early, on time or late. */
  void resultReady(DossierVariables variables) {
    dossiers.resultReady(variables.code());
    notifications.simple(variables, NotificationKind.RESULT_READY);
  }

  /** "Xếp loại kết quả đúng hẹn": early, on time or late against the appointment in force. */
  void classifyOutcome(DossierVariables variables) {
    variables.outcome(dossiers.returned(variables.code(), variables.satisfaction(), variables.returnedBy()));
  }

  /** "Ghi nhận hồ sơ trễ hẹn": the appointment passed without a result; the chairman is asked to direct. */
  void recordLate(DossierVariables variables) {
    dossiers.appointmentPassed(variables.code());
  }
}
