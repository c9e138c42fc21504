package vn.danvan.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
  SendNotificationDelegate delegate = new SendNotificationDelegate(notifications, units);
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
  @SuppressWarnings("unchecked")
  void queuesTheKindToThePhoneAndAddressWithTheValuesInMessageForm() {
    delegate.execute(execution);

    ArgumentCaptor<Map<String, String>> values = ArgumentCaptor.forClass(Map.class);
    verify(notifications).queueToCitizen(eq("0912345678"), eq("an@example.vn"), eq(NotificationKind.APOLOGY),
        eq("DONGHA-261125-0001"), eq("dongha"), values.capture());
    assertThat(values.getValue()).containsEntry("applicantName", "Nguyễn Văn An")
        .containsEntry("reason", "Chờ xác minh")
        .containsEntry("newAppointmentDate", "17:00 ngày 14/12/2026")
        .containsEntry("unitName", "phường Đông Hà");
  }

  @Test
  void aCaseWithoutAnAddressGetsOnlyTheSms() {
    variables.remove("email");
    delegate.execute(execution);
    verify(notifications).queueToCitizen(eq("0912345678"), eq(null), any(), anyString(), anyString(), anyMap());
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
    verify(notifications, never()).queueToCitizen(any(), any(), any(), any(), any(), anyMap());
  }

  @Test
  void aCaseKeyVariableThatHoldsNothingIsRefused() {
    variables.remove("dossierCode");
    assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("holds no case key");
  }
}
