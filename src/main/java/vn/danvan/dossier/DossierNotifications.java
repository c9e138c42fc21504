package vn.danvan.dossier;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.danvan.notify.CitizenMessages;
import vn.danvan.notify.MessageValues;
import vn.danvan.notify.NotificationKind;

/**
 * Tells the citizen what happened to their dossier: an SMS to the phone given at reception and,
 * where given, an e-mail ({@link CitizenMessages}). Messages go to the outbox in the step's own
 * transaction, so a step and its message commit together and nothing is lost when sending fails
 * later. The supplement request and the apology are not sent from here: they go out through the
 * diagram's generic notification step, after their letter is signed.
 */
@Component
class DossierNotifications {

  private final CitizenMessages messages;

  DossierNotifications(CitizenMessages messages) {
    this.messages = messages;
  }

  void receipt(DossierVariables variables, String procedureName, Instant appointment) {
    send(variables, NotificationKind.RECEIPT, Map.of("procedureName", procedureName,
        "appointmentDate", MessageValues.date(appointment)));
  }

  void refusal(DossierVariables variables, String reasons) {
    send(variables, NotificationKind.REFUSAL, Map.of("reason", MessageValues.sentence(reasons)));
  }

  void simple(DossierVariables variables, NotificationKind kind) {
    send(variables, kind, Map.of());
  }

  private void send(DossierVariables variables, NotificationKind kind, Map<String, String> specific) {
    Map<String, String> values = new HashMap<>(specific);
    values.put("applicantName", variables.applicantName());
    messages.send(variables.phone(), variables.email(), kind, variables.code(), variables.tenantId(),
        values);
  }
}
