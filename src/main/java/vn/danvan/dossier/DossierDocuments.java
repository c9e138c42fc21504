package vn.danvan.dossier;

import vn.danvan.sla.EngineClock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.danvan.calendar.CalendarProperties;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.contract.FormContract;
import vn.danvan.contract.FormContracts;
import vn.danvan.document.DocumentFormats;
import vn.danvan.document.DocumentKind;
import vn.danvan.document.DocumentRequest;
import vn.danvan.document.DocumentService;
import vn.danvan.document.DocumentTemplates;
import vn.danvan.identity.UnitNames;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.procedure.Procedure;

/**
 * Fills the document templates of the one-stop forms (Circular 03/2025: receipt, supplement
 * request, refusal, apology, stop notice) and of results and courtesy letters from a dossier's
 * variables, and stores them. Documents signed for the People's Committee name their signer (the
 * approving leader, the head of the unit), whose position in the unit gives the capacity lines.
 * Returns the document id for the process variable.
 *
 * <p>A result is laid out by the template its catalogue row names ({@code resultDocumentKind}:
 * {@code BIRTH_CERTIFICATE} is {@code documents/templates/birth-certificate.yaml}), filled with
 * {@link #RESULT_VALUES} and every field of the start form as a person reads it (an option's label,
 * a date as 5/3/2026; "—" for a field left empty): a procedure's own data reaches its result without
 * Java. A row naming no template gets the generic decision ({@code result.yaml}).
 */
@Component
class DossierDocuments {

  /**
   * The values a result template may use besides the start form's fields: the ones filled here and
   * those the document service adds (the unit, the signer).
   */
  static final Set<String> RESULT_VALUES = Set.of("subject", "legalBasis", "proposer", "decision", "executors",
      "applicantName", "dossierCode", "procedureName", "receivedAt", "receiverName", "approvedAt",
      "unitName", "unitNameUpper", "place", "signerName", "signerCapacity");

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DossierDocuments.class);

  private final DocumentService documents;
  private final UnitNames units;
  private final CalendarProperties calendar;
  private final UnitOfficials officials;
  private final DocumentTemplates templates;
  private final FormContracts forms;

  DossierDocuments(DocumentService documents, UnitNames units, CalendarProperties calendar,
      UnitOfficials officials, DocumentTemplates templates, FormContracts forms) {
    this.templates = templates;
    this.forms = forms;
    this.documents = documents;
    this.units = units;
    this.calendar = calendar;
    this.officials = officials;
  }

  /**
   * The receipt (Form 01). Its time of reception is when the dossier became complete: the first
   * visit for a dossier complete at once, the supplement's visit for a re-issued receipt — the
   * moment the appointment counts from.
   */
  String receipt(DossierVariables variables, DossierService.Receipt receipt) {
    Dossier dossier = receipt.dossier();
    Procedure procedure = receipt.procedure();
    Instant appointment = receipt.appointment();
    Map<String, String> fields = common(variables, dossier, procedure);
    fields.put("receivedAt", dateTime(receipt.completeAt()));
    fields.put("applicantAddress", orDash(variables.address()));
    fields.put("applicantPhone", orDash(variables.phone()));
    fields.put("documentList", orDash(variables.documentList()));
    fields.put("dossierCount", "01");
    fields.put("processingTime", procedure.deadline().describe(calendar.sameDayCutoff()));
    fields.put("appointmentAt", dateTime(appointment));
    fields.put("returnChannel", "Bộ phận Một cửa " + unitName(variables));
    return create(variables, dossier, DocumentKind.RECEIPT, fields);
  }

  /** Form 02, with the deadline it gives the citizen and the unit's contact phone. */
  String supplementRequest(DossierVariables variables, Dossier dossier, Procedure procedure, String actor,
      Instant deadline) {
    Map<String, String> fields = common(variables, dossier, procedure);
    fields.put("missingItems", variables.missingItems());
    fields.put("reason", "Hồ sơ chưa đầy đủ thành phần theo quy định");
    fields.put("contactName", fullName(actor));
    fields.put("contactPhone", contactPhone(dossier));
    fields.put("supplementDeadline", dateTime(deadline));
    return create(variables, dossier, DocumentKind.SUPPLEMENT_REQUEST, fields);
  }

  String refusal(DossierVariables variables, Dossier dossier, Procedure procedure, String reasons) {
    Map<String, String> fields = common(variables, dossier, procedure);
    fields.put("reason", reasons);
    return create(variables, dossier, DocumentKind.REFUSAL, fields);
  }

  String apology(DossierVariables variables, Dossier dossier, Procedure procedure, String reason,
      Instant newAppointment, String leader) {
    Map<String, String> fields = common(variables, dossier, procedure);
    fields.put("originalAppointment", dateTime(dossier.appointmentAt()));
    fields.put("newAppointment", dateTime(newAppointment));
    fields.put("reason", reason);
    fields.put("contactPhone", contactPhone(dossier));
    return create(dossier, DocumentRequest.of(dossier.unit(), dossier.code(), DocumentKind.APOLOGY, fields).signedBy(leader));
  }

  String stopNotice(DossierVariables variables, Dossier dossier, Procedure procedure, String reason) {
    Map<String, String> fields = common(variables, dossier, procedure);
    fields.put("reason", reason);
    fields.put("requestedOn", dateTime(EngineClock.now()));
    return create(variables, dossier, DocumentKind.STOP_NOTICE, fields);
  }

  /** Refuses a leader who could not sign the result (no position in the unit), before it is drawn up. */
  void checkResultSigner(DossierVariables variables, String leader) {
    documents.checkSigner(variables.tenantId(), leader);
  }

  String result(DossierVariables variables, Dossier dossier, Procedure procedure, String leader) {
    return create(dossier, resultRequest(variables, dossier, procedure, leader));
  }

  /**
   * The draft of the result the approving leader reads before approving: the very request
   * {@link #result} stores after the approval, rendered without number and marked "DỰ THẢO".
   * {@code leader} null: the signature block names the approving leader generically.
   */
  byte[] resultDraft(DossierVariables variables, Dossier dossier, Procedure procedure, String leader) {
    DocumentRequest request = resultRequest(variables, dossier, procedure, leader);
    if (leader == null) {
      Map<String, String> fields = new HashMap<>(request.fields());
      fields.put("signerCapacity", "LÃNH ĐẠO PHÊ DUYỆT");
      fields.put("signerName", "(ký sau khi phê duyệt)");
      request = DocumentRequest.of(request.unit(), request.caseRef(), request.kind(), fields);
    }
    return documents.preview(request.issuedOn(vn.danvan.calendar.WorkCalendar.dateOf(EngineClock.now())));
  }

  private DocumentRequest resultRequest(DossierVariables variables, Dossier dossier, Procedure procedure, String leader) {
    Map<String, String> fields = new HashMap<>();
    FormContract startForm = forms.forStart(variables.processDefinitionId()).orElse(null);
    if (startForm != null) {
      Map<String, String> entered = startForm.readableValues(variables.all());
      startForm.editableKeys().forEach(key -> fields.put(key, entered.getOrDefault(key, "—")));
    }
    fields.putAll(common(variables, dossier, procedure));
    // the approval's moment, not the job's: the result is drawn up asynchronously, maybe after a retry
    Instant approvedAt = variables.approvedAt();
    fields.put("approvedAt", dateTime(approvedAt != null ? approvedAt : EngineClock.now()));
    fields.put("subject", "Về việc giải quyết hồ sơ " + procedure.name().toLowerCase() + " mã " + dossier.code());
    fields.put("legalBasis", "Căn cứ " + procedure.legalBasis() + ";");
    fields.put("proposer", "Bộ phận chuyên môn thẩm định hồ sơ mã " + dossier.code());
    fields.put("decision", "Giải quyết thủ tục " + procedure.name().toLowerCase() + " cho Ông/Bà "
        + variables.applicantName() + " theo hồ sơ mã " + dossier.code() + ".");
    fields.put("executors", "Bộ phận Một cửa, bộ phận chuyên môn và Ông/Bà "
        + variables.applicantName());
    DocumentRequest request = DocumentRequest.of(dossier.unit(), dossier.code(), resultKind(procedure), fields);
    return leader == null ? request : request.signedBy(leader);
  }

  /** The template the catalogue row names, or the generic decision if it names none that exists. */
  DocumentKind resultKind(Procedure procedure) {
    String named = procedure.resultDocumentKind();
    if (named == null || named.isBlank()) {
      return DocumentKind.RESULT;
    }
    DocumentKind kind = DocumentKind.of(named);
    if (!templates.exists(kind)) {
      // the consistency test keeps shipped rows and templates in step; a row added in Modeler without its file still gets a result
      LOG.warn("Procedure {}: no template {} for its result, the generic decision is issued", procedure.code(),
          kind.templateResource());
      return DocumentKind.RESULT;
    }
    return kind;
  }

  /** The congratulation or condolence letter that goes with some results, signed by the chairman. */
  String courtesyLetter(DossierVariables variables, Dossier dossier, Procedure procedure, String chairman) {
    DocumentKind kind = DocumentKind.of(procedure.courtesyLetterKind());
    Map<String, String> fields = new HashMap<>();
    fields.put("recipientName", variables.applicantName());
    if (DocumentKind.CONDOLENCE.equals(kind)) {
      fields.put("deceasedName", variables.requiredDeceasedName());
      fields.put("birthYear", orDash(variables.deceasedBirthYear()));
      fields.put("deathDate", orDash(variables.deathDate()));
      fields.put("address", orDash(variables.address()));
    } else {
      fields.put("occasion", DossierProcess.PROCEDURE_BIRTH_REGISTRATION.equals(procedure.code())
          ? "gia đình đón thành viên mới" : "Ông/Bà đăng ký kết hôn");
    }
    return create(dossier, DocumentRequest.of(dossier.unit(), dossier.code(), kind, fields).signedBy(chairman));
  }

  /**
   * The unit's contact phone as recorded for the unit ({@code PUT /api/units/{code}}); a unit that
   * has none recorded yet is reached through its one-stop desk, which the letter names instead.
   */
  private String contactPhone(Dossier dossier) {
    return officials.contactPhone(dossier.unit()).orElse("của Bộ phận Một cửa");
  }

  private Map<String, String> common(DossierVariables variables, Dossier dossier, Procedure procedure) {
    Map<String, String> fields = new HashMap<>();
    fields.put("applicantName", variables.applicantName());
    fields.put("dossierCode", dossier.code());
    fields.put("procedureName", procedure.name());
    fields.put("receivedAt", dateTime(dossier.receivedAt()));
    fields.put("receiverName", fullName(variables.receivingOfficer()));
    return fields;
  }

  private String create(DossierVariables variables, Dossier dossier, DocumentKind kind, Map<String, String> fields) {
    return create(dossier, DocumentRequest.of(dossier.unit(), dossier.code(), kind, fields));
  }

  /** Stores the document dated on the engine's day; a signed kind names its signer, whose position gives the capacity. */
  private String create(Dossier dossier, DocumentRequest request) {
    return documents.create(request.issuedOn(vn.danvan.calendar.WorkCalendar.dateOf(EngineClock.now()))).id();
  }

  /** The unit's name inside a sentence: "phường Đông Hà". */
  private String unitName(DossierVariables variables) {
    return DocumentFormats.inText(units.nameOrId(variables.tenantId()));
  }

  private String fullName(String userId) {
    return userId == null ? "—" : officials.fullName(userId).orElse(userId);
  }

  /** "17 giờ 00 phút, ngày 24/4/2026" as Vietnamese forms write it. */
  static String dateTime(Instant instant) {
    ZonedDateTime at = instant.atZone(VietnamTime.ZONE);
    return String.format("%d giờ %02d phút, ngày %d/%d/%d", at.getHour(), at.getMinute(), at.getDayOfMonth(),
        at.getMonthValue(), at.getYear());
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
