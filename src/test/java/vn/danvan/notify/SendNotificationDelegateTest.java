package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import vn.danvan.identity.UnitNames;

/** The generic notification step reads its input parameters and the case's variables, and refuses a misconfigured step. */
class SendNotificationDelegateTest {

  NotificationService notifications = mock(NotificationService.class);
  UnitNames units = mock(UnitNames.class);
  SendNotificationDelegate delegate = new SendNotificationDelegate(new CitizenMessages(notifications, units));
  Map<String, Object> inputs = new HashMap<>();
  Map<String, Object> variables = new HashMap<>();
  DelegateExecution execution = mock(DelegateExecution.class);

  @BeforeEach
  void caseOfDongHa() {
    when(units.nameOrId("dongha")).thenReturn("Phường Đông Hà");
    when(execution.getTenantId()).thenReturn("dongha");
    when(execution.getVariableLocal(anyString())).thenAnswer(call -> inputs.get(call.<String>getArgument(0)));
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    inputs.putAll(Map.of("notificationKind", "APOLOGY", "caseKeyVariable", "dossierCode", "phoneVariable", "phone",
        "emailVariable", "email",
        "valueVariables", "applicantName=applicantName, reason=apologyReason, newAppointmentDate=appointmentAt"));
    variables.putAll(Map.of("dossierCode", "DONGHA-261125-0001", "phone", "0912345678", "email", "an@example.vn",
        "applicantName", "Nguyễn Văn An", "apologyReason", "Chờ xác minh.",
        "appointmentAt", Date.from(OffsetDateTime.parse("2026-12-14T17:00:00+07:00").toInstant())));
  }

  @Test
  void queuesTheKindToThePhoneAndAddressWithTheValuesInMessageForm() {
    delegate.execute(execution);

    ArgumentCaptor<Notification> queued = ArgumentCaptor.forClass(Notification.class);
    verify(notifications, times(2)).queue(queued.capture());
    assertThat(queued.getAllValues()).extracting(Notification::channel, Notification::recipient, Notification::kind,
        Notification::caseRef, Notification::unit).containsExactly(
            tuple(Channel.SMS, "0912345678", NotificationKind.APOLOGY, "DONGHA-261125-0001", "dongha"),
            tuple(Channel.EMAIL, "an@example.vn", NotificationKind.APOLOGY, "DONGHA-261125-0001", "dongha"));
    assertThat(queued.getValue().values()).containsEntry("applicantName", "Nguyễn Văn An")
        .containsEntry("reason", "Chờ xác minh")
        .containsEntry("newAppointmentDate", "17:00 ngày 14/12/2026")
        .containsEntry("unitName", "phường Đông Hà");
  }

  @Test
  void aCaseWithoutAnAddressGetsOnlyTheSms() {
    variables.remove("email");
    delegate.execute(execution);
    ArgumentCaptor<Notification> queued = ArgumentCaptor.forClass(Notification.class);
    verify(notifications).queue(queued.capture());
    assertThat(queued.getValue().channel()).isEqualTo(Channel.SMS);
  }

  @Test
  void aStepWithoutKindOrRecipientOrWithMalformedValuesIsRefusedAndSendsNothing() {
    inputs.put("valueVariables", "reason=${apologyReason}");
    assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("valueVariables")
        .hasMessageContaining("is not placeholder=variable");
    inputs.put("valueVariables", "reason=apologyReason");
    inputs.remove("phoneVariable");
    inputs.remove("emailVariable");
    assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("neither phoneVariable nor emailVariable");
    inputs.remove("notificationKind");
    assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("'notificationKind'");
    verify(notifications, never()).queue(any());
  }

  @Test
  void aCaseKeyVariableThatHoldsNothingIsRefused() {
    variables.remove("dossierCode");
    assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("Variable dossierCode named by input parameter 'caseKeyVariable'").hasMessageContaining("holds nothing");
  }
}
