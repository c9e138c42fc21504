package vn.danvan.notify;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.step.StepInputs;

/**
 * BPMN glue for the "Gửi thông báo" step (element template {@code send-notification.json}): queues
 * a message of the kind the step names to the citizen of the case, by SMS and e-mail where the
 * case holds a phone and an address, with the values the step's input parameters give. Put it
 * after the step that signs the letter the message announces: nothing is sent before the letter
 * is signed, and when signing fails the job is retried and nothing is sent.
 *
 * <p>Inputs: {@code notificationKind} (a template file of {@code notify/templates/}),
 * {@code caseKeyVariable} (the variable holding the case code), {@code phoneVariable} and/or
 * {@code emailVariable} (variables holding the recipient), {@code valueVariables} (which variable
 * fills which placeholder of the template: {@code missingDocuments=missingItems,
 * supplementDeadline=supplementDueAt}; dates read as "17:00 ngày 23/02/2026", texts lose a final
 * full stop, see {@link MessageValues}). {@code unitName} is the case's unit
 * ({@link CitizenMessages}); the public status link is added by {@link NotificationService} for
 * kinds that carry it.
 */
@Component("sendNotificationDelegate")
class SendNotificationDelegate implements JavaDelegate {

  static final String IN_KIND = "notificationKind";
  static final String IN_CASE_KEY_VARIABLE = "caseKeyVariable";
  static final String IN_PHONE_VARIABLE = "phoneVariable";
  static final String IN_EMAIL_VARIABLE = "emailVariable";
  static final String IN_VALUE_VARIABLES = "valueVariables";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final CitizenMessages messages;

  SendNotificationDelegate(CitizenMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepInputs inputs = new StepInputs(execution, "notification step");
    NotificationKind kind = NotificationKind.of(inputs.required(IN_KIND));
    String caseKey = inputs.requiredVariable(IN_CASE_KEY_VARIABLE).toString();
    if (inputs.optional(IN_PHONE_VARIABLE) == null && inputs.optional(IN_EMAIL_VARIABLE) == null) {
      throw new IllegalStateException("The notification step names neither " + IN_PHONE_VARIABLE + " nor " + IN_EMAIL_VARIABLE);
    }
    Map<String, String> values = new HashMap<>();
    valueVariables(inputs.optional(IN_VALUE_VARIABLES)).forEach((placeholder, variable) ->
        values.put(placeholder, MessageValues.of(execution.getVariable(variable))));
    messages.send(text(inputs.optionalVariable(IN_PHONE_VARIABLE)),
        text(inputs.optionalVariable(IN_EMAIL_VARIABLE)), kind, caseKey, execution.getTenantId(), values);
  }

  /** {@code placeholder=variable, placeholder=variable} of the step's {@code valueVariables} input. */
  static Map<String, String> valueVariables(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return pairs;
    }
    for (String pair : text.split(",")) {
      String[] parts = pair.split("=", -1);
      if (parts.length != 2 || !NAME.matcher(parts[0].strip()).matches() || !NAME.matcher(parts[1].strip()).matches()) {
        throw new IllegalStateException("Input parameter '" + IN_VALUE_VARIABLES + "' of the notification step: '"
            + pair.strip() + "' is not placeholder=variable");
      }
      pairs.put(parts[0].strip(), parts[1].strip());
    }
    return pairs;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
