package vn.danvan.identity;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Gives every process instance the tenant id of its unit. Definitions are shared; the instance
 * belongs to the unit named by the {@code unitCode} variable, or to the starting official's only
 * unit. An official may only start cases for their own units; administrators and the engine itself
 * (timers, messages) for any existing unit. Sub-processes inherit their parent's unit.
 *
 * <p>Internal API: Camunda's tenant id provider SPI lives in {@code impl.cfg.multitenancy}, and it is
 * called inside the start command, whose authentication and admin check ({@code CommandContext}) are
 * the ones the engine itself applies.
 */
class UnitTenantIdProvider implements TenantIdProvider {

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution parent = ctx.getSuperExecution();
    if (parent != null && parent.getTenantId() != null) {
      return parent.getTenantId();
    }
    Object requested = ctx.getVariables() == null ? null : ctx.getVariables().get(Units.VAR_UNIT_CODE);
    String unit = requested == null ? null : requested.toString();
    CommandContext command = Context.getCommandContext();
    Authentication user = command.getAuthentication();
    boolean unrestricted = user == null || command.getAuthorizationManager().isCamundaAdmin(user);
    if (unrestricted) {
      if (unit == null) {
        throw new BadUserRequestException("Variable '" + Units.VAR_UNIT_CODE + "' is required: name the unit of the new case");
      }
      return existingUnit(command, unit);
    }
    List<String> ownUnits = user.getTenantIds() == null ? List.of() : user.getTenantIds();
    if (unit == null) {
      if (ownUnits.size() == 1) {
        return ownUnits.get(0);
      }
      throw new BadUserRequestException("Variable '" + Units.VAR_UNIT_CODE
          + "' is required: user belongs to " + ownUnits.size() + " units");
    }
    if (!ownUnits.contains(unit)) {
      throw new BadUserRequestException("Variable '" + Units.VAR_UNIT_CODE + "': not a unit of user " + user.getUserId());
    }
    return unit;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }

  private static String existingUnit(CommandContext command, String unit) {
    if (command.getProcessEngineConfiguration().getIdentityService().createTenantQuery().tenantId(unit).count() == 0) {
      throw new BadUserRequestException("Variable '" + Units.VAR_UNIT_CODE + "': unknown unit '" + unit + "'");
    }
    return unit;
  }
}
