package vn.danvan.contract;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A start of a process by an authenticated user, as a {@link StartContract} sees it.
 *
 * @param unit the unit (tenant) the new case belongs to; null if not known yet
 * @param variables the variables sent, without the {@linkplain StartContract#enforcedVariables enforced} ones
 */
public record StartAttempt(String processKey, String unit, Authentication user, Map<String, Object> variables) {

  public String userId() {
    return user.getUserId();
  }

  public List<String> groups() {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  public List<String> units() {
    return user.getTenantIds() == null ? List.of() : user.getTenantIds();
  }
}
