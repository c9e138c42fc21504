package vn.danvan.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.TENANT;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each role may do. Process data is granted per process definition key, as {@link
 * ProcessGrants} lists it (need to know); which unit's cases a user sees is decided by tenant
 * membership (the engine's tenant check), not here. Only rights that carry no case data are granted
 * on every resource ({@code *}) of a type: opening the webapps, reading the directory, the
 * procedure catalogue's decision tables, deploying (process owners) and the operation log (auditors).
 *
 * <p>A candidate group gets READ, UPDATE and READ_VARIABLE on each task that names it from the
 * engine itself (default task permissions): that is how an official works on a task and sees its
 * form's variables. The {@code enforceSpecificVariablePermission} engine setting makes every
 * variable read need its own *_VARIABLE permission, so READ_HISTORY alone never shows personal data.
 */
public final class RoleGrants {

  /** One grant: a role may do {@code permissions} on {@code resourceId} ({@code *}: every one) of {@code resource}. */
  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {}

  static final List<Permission> START = List.of(READ, CREATE_INSTANCE);
  static final List<Permission> WORK = List.of(READ, READ_INSTANCE, READ_INSTANCE_VARIABLE, READ_HISTORY,
      READ_HISTORY_VARIABLE);
  static final List<Permission> SUPERVISE = List.of(READ_TASK, READ_TASK_VARIABLE, TASK_ASSIGN);
  static final List<Permission> READ_ALL = List.of(READ, READ_INSTANCE, READ_TASK, READ_HISTORY,
      READ_INSTANCE_VARIABLE, READ_TASK_VARIABLE, READ_HISTORY_VARIABLE);
  static final List<Permission> READ_WITHOUT_VARIABLES = List.of(READ, READ_INSTANCE, READ_TASK, READ_HISTORY);

  private RoleGrants() {}

  public static List<Grant> all(ProcessGrants model) {
    List<Grant> grants = new ArrayList<>();
    grants.addAll(perProcess(model));
    for (String official : Roles.OFFICIALS) {
      grants.add(grant(official, APPLICATION, "tasklist", ACCESS));
      // The procedure catalogue and other decision tables are public rules, not case data.
      grants.add(grant(official, DECISION_DEFINITION, "*", READ));
      grants.addAll(directoryReading(official));
    }
    grants.add(grant(Roles.LEADER, APPLICATION, "cockpit", ACCESS));

    // Auditors read every process the grants file lets them read, and change nothing.
    grants.add(grant(Roles.AUDITOR, APPLICATION, "cockpit", ACCESS));
    grants.add(grant(Roles.AUDITOR, APPLICATION, "tasklist", ACCESS));
    grants.add(grant(Roles.AUDITOR, DECISION_DEFINITION, "*", READ, READ_HISTORY));
    grants.add(grant(Roles.AUDITOR, DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.add(grant(Roles.AUDITOR, DEPLOYMENT, "*", READ));
    grants.add(grant(Roles.AUDITOR, OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ));
    grants.addAll(directoryReading(Roles.AUDITOR));

    // Process owners deploy diagrams, decision tables and forms (from Camunda Modeler); they read
    // definitions, not cases. Deleting deployments is the administrator's.
    grants.add(grant(Roles.PROCESS_OWNER, APPLICATION, "cockpit", ACCESS));
    grants.add(grant(Roles.PROCESS_OWNER, APPLICATION, "tasklist", ACCESS));
    grants.add(grant(Roles.PROCESS_OWNER, DEPLOYMENT, "*", CREATE, READ));
    grants.add(grant(Roles.PROCESS_OWNER, PROCESS_DEFINITION, "*", READ, UPDATE));
    grants.add(grant(Roles.PROCESS_OWNER, DECISION_DEFINITION, "*", READ, UPDATE));
    grants.add(grant(Roles.PROCESS_OWNER, DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.addAll(directoryReading(Roles.PROCESS_OWNER));
    return grants;
  }

  /** One grant per role and process key, merging the role's levels on that process. */
  static List<Grant> perProcess(ProcessGrants model) {
    List<Grant> grants = new ArrayList<>();
    Set<String> starters = new LinkedHashSet<>();
    for (ProcessGrants.Process process : model.processes().values()) {
      Map<String, Set<Permission>> byRole = new LinkedHashMap<>();
      process.start().forEach(role -> add(byRole, role, START));
      process.work().forEach(role -> add(byRole, role, WORK));
      process.supervise().forEach(role -> add(byRole, role, SUPERVISE));
      process.read().forEach(role -> add(byRole, role, READ_ALL));
      process.readWithoutVariables().forEach(role -> add(byRole, role, READ_WITHOUT_VARIABLES));
      byRole.forEach((role, permissions) ->
          grants.add(new Grant(role, PROCESS_DEFINITION, process.key(), List.copyOf(permissions))));
      starters.addAll(process.start());
    }
    // Starting any process also needs CREATE on process instances, which has no per-key form.
    starters.forEach(role -> grants.add(grant(role, PROCESS_INSTANCE, "*", CREATE)));
    return grants;
  }

  /**
   * The wildcard grants earlier versions seeded (every official read the history of every process
   * of the unit, leaders and auditors every task). They are revoked at startup, permission by
   * permission, unless {@link #all} still grants the permission: an upgraded installation ends up
   * with exactly the need-to-know grants.
   */
  static List<Grant> retired() {
    List<Grant> grants = new ArrayList<>();
    for (String official : Roles.OFFICIALS) {
      grants.add(grant(official, PROCESS_DEFINITION, "*", READ, CREATE_INSTANCE, READ_HISTORY));
      grants.add(grant(official, PROCESS_INSTANCE, "*", CREATE));
    }
    grants.add(grant(Roles.LEADER, TASK, "*", READ, UPDATE));
    grants.add(grant(Roles.LEADER, PROCESS_INSTANCE, "*", READ));
    grants.add(grant(Roles.LEADER, PROCESS_DEFINITION, "*", READ_INSTANCE, READ_TASK));
    grants.add(grant(Roles.AUDITOR, PROCESS_DEFINITION, "*", READ, READ_HISTORY, READ_INSTANCE, READ_TASK));
    grants.add(grant(Roles.AUDITOR, PROCESS_INSTANCE, "*", READ));
    grants.add(grant(Roles.AUDITOR, TASK, "*", READ));
    grants.add(grant(Roles.PROCESS_OWNER, DEPLOYMENT, "*", DELETE));
    grants.add(grant(Roles.PROCESS_OWNER, PROCESS_DEFINITION, "*", READ_HISTORY));
    grants.add(grant(Roles.PROCESS_OWNER, DECISION_DEFINITION, "*", READ_HISTORY));
    return grants;
  }

  private static void add(Map<String, Set<Permission>> byRole, String role, List<Permission> permissions) {
    byRole.computeIfAbsent(role, r -> new LinkedHashSet<>()).addAll(permissions);
  }

  /** Tasklist shows names of users, groups and units next to tasks. */
  private static List<Grant> directoryReading(String groupId) {
    return List.of(grant(groupId, USER, "*", READ), grant(groupId, GROUP, "*", READ), grant(groupId, TENANT, "*", READ));
  }

  private static Grant grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(groupId, resource, resourceId, List.of(permissions));
  }
}
