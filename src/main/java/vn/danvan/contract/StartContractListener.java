package vn.danvan.contract;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Applies {@link StartContracts} when a process instance starts, before its first step: a refused
 * start throws inside the starting command, so the engine rolls everything back (no instance, no
 * register entry, no dossier number). Starts without an authenticated user — timers, messages
 * correlated by the engine, process tests — and sub-processes called by a parent are engine-internal
 * and not checked. On success the enforced variables replace whatever was sent.
 */
class StartContractListener implements ExecutionListener {

  private final String processKey;
  private final ObjectProvider<StartContracts> contracts;

  StartContractListener(String processKey, ObjectProvider<StartContracts> contracts) {
    this.processKey = processKey;
    this.contracts = contracts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getSuperExecution() != null) {
      return;
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return;
    }
    Map<String, Object> sent = new HashMap<>(execution.getVariables());
    Map<String, Object> enforced = contracts.getObject().check(execution.getProcessDefinitionId(), processKey,
        execution.getTenantId(), user, sent);
    enforced.forEach(execution::setVariable);
  }
}
