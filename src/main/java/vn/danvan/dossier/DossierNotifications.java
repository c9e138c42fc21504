package vn.danvan.dossier;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.document.DocumentFormats;
import vn.danvan.identity.UnitNames;
import vn.danvan.notify.Notification;
import vn.danvan.notify.NotificationKind;
import vn.danvan.notify.NotificationService;

/**
 * Tells the citizen what happened to their dossier: an SMS to the phone given at reception and,
 * where given, an e-mail. Messages go to the outbox in the step's own transaction, so a step and
 * its message commit together and nothing is lost when sending fails later.
 */
@Component
class DossierNotifications {

  private final NotificationService notifications;
  private final UnitNames units;

  DossierNotifications(NotificationService notifications, UnitNames units) {
    this.notifications = notifications;
    this.units = units;
  }

  void receipt(DelegateExecution execution, String procedureName, Instant appointment) {
    send(execution, NotificationKind.RECEIPT, Map.of("procedureName", procedureName,
        "appointmentDate", date(appointment)));
  }

  void supplementRequest(DelegateExecution execution, String missing, Instant deadline) {
    send(execution, NotificationKind.SUPPLEMENT_REQUEST, Map.of("missingDocuments", missing,
        "supplementDeadline", date(deadline)));
  }

  void apology(DelegateExecution execution, String reason, Instant newAppointment) {
    send(execution, NotificationKind.APOLOGY, Map.of("reason", withoutFullStop(reason),
        "newAppointmentDate", date(newAppointment)));
  }

  void refusal(DelegateExecution execution, String reasons) {
    send(execution, NotificationKind.REFUSAL, Map.of("reason", withoutFullStop(reasons)));
  }

  void simple(DelegateExecution execution, NotificationKind kind) {
    send(execution, kind, Map.of());
  }

  private void send(DelegateExecution execution, NotificationKind kind, Map<String, String> specific) {
    Map<String, String> values = new HashMap<>(specific);
    values.put("applicantName", Variables.required(execution, DossierProcess.VAR_APPLICANT_NAME));
    values.put("unitName", DocumentFormats.inText(units.nameOrId(execution.getTenantId())));
    String code = Variables.required(execution, DossierProcess.VAR_DOSSIER_CODE);
    String phone = Variables.text(execution, DossierProcess.VAR_PHONE);
    String email = Variables.text(execution, DossierProcess.VAR_EMAIL);
    if (phone != null && !phone.isBlank()) {
      notifications.queue(Notification.sms(phone, kind, code, execution.getTenantId(), values));
    }
    if (email != null && !email.isBlank()) {
      notifications.queue(Notification.email(email, kind, code, execution.getTenantId(), values));
    }
  }


  /** "17:00 ngày 23/02/2026", as the message templates expect. */
  static String date(Instant instant) {
    ZonedDateTime at = instant.atZone(VietnamTime.ZONE);
    return String.format("%02d:%02d ngày %02d/%02d/%d", at.getHour(), at.getMinute(), at.getDayOfMonth(),
        at.getMonthValue(), at.getYear());
  }

  private static String withoutFullStop(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
