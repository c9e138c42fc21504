package vn.danvan.contract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.danvan.identity.Roles;
import vn.danvan.identity.Units;

/**
 * The one validation of a start, whatever the door: the start form's {@link FormContract} (only
 * its editable fields, within their rules, plus {@code unitCode} and what the process's
 * {@link StartContract} adds), then the process's own contract (who may start, its own rules).
 * Returns the variables the server sets whatever was sent, and the checked values in their
 * canonical form ({@link StartContract#normalisedVariables}). Called by the engine before the first
 * step ({@link StartContractListener}) and, with the same arguments, by {@link VariableWriteGuard}
 * before a start over HTTP so that both REST mounts answer 400 with the field.
 */
@Component
public class StartContracts {

  private final FormContracts forms;
  private final Map<String, StartContract> byKey;

  StartContracts(FormContracts forms, List<StartContract> contracts) {
    this.forms = forms;
    this.byKey = contracts.stream().collect(Collectors.toMap(StartContract::processKey, Function.identity()));
  }

  /**
   * @param unit the new case's unit, or null if not known yet: then it is the requested
   *     {@code unitCode} (one of the user's units) or the user's only unit, as the engine decides it
   * @return the variables to set over whatever was sent
   */
  public Map<String, Object> check(String processDefinitionId, String processKey, String unit, Authentication user,
      Map<String, Object> variables) {
    Optional<StartContract> contract = Optional.ofNullable(byKey.get(processKey));
    Object requested = variables.get(Units.VAR_UNIT_CODE);
    boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMIN);
    if (requested != null && !admin && (user.getTenantIds() == null || !user.getTenantIds().contains(requested.toString()))) {
      throw new ContractViolation(Units.VAR_UNIT_CODE, "Variable '" + Units.VAR_UNIT_CODE + "': not a unit of user "
          + user.getUserId());
    }
    String caseUnit = unit != null ? unit : requested != null ? requested.toString()
        : user.getTenantIds() != null && user.getTenantIds().size() == 1 ? user.getTenantIds().get(0) : null;
    if (caseUnit == null) {
      throw new ContractViolation(Units.VAR_UNIT_CODE, "Variable '" + Units.VAR_UNIT_CODE
          + "' is required: name the unit of the new case");
    }
    StartAttempt probe = new StartAttempt(processKey, caseUnit, user, variables);
    Map<String, Object> enforced = contract.map(c -> c.enforcedVariables(probe)).orElse(Map.of());
    Map<String, Object> sent = new HashMap<>(variables);
    enforced.keySet().forEach(sent::remove);

    Set<String> allowed = new HashSet<>(contract.map(StartContract::additionalVariables).orElse(Set.of()));
    allowed.add(Units.VAR_UNIT_CODE);
    Optional<FormContract> form = forms.forStart(processDefinitionId);
    if (form.isPresent()) {
      form.get().check(sent, Map.of(), allowed, FormContract.Mode.COMPLETE);
    } else {
      sent.keySet().stream().filter(name -> !allowed.contains(name)).findFirst().ifPresent(name -> {
        throw new ContractViolation(name, "Process " + processKey + " has no start form: variable '" + name
            + "' cannot be set when starting it");
      });
    }
    StartAttempt checked = new StartAttempt(processKey, caseUnit, user, Map.copyOf(withoutNulls(sent)));
    contract.ifPresent(c -> c.check(checked));
    Map<String, Object> result = new HashMap<>(contract.map(c -> c.normalisedVariables(checked)).orElse(Map.of()));
    result.putAll(enforced);
    return result;
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> values) {
    Map<String, Object> copy = new HashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    return copy;
  }
}
