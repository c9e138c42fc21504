package vn.danvan.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import vn.danvan.dossier.DossierProcess;
import vn.danvan.escalation.EscalationLadder;

/**
 * The shared Tasklist filters every official starts with: my tasks, my unit's group tasks, overdue,
 * due today, and for leaders the whole unit's open tasks. The queries use expressions evaluated for
 * the user who opens the filter, and the engine's tenant check keeps them to that user's units; the
 * whole-unit filter has no criterion at all, so it lists exactly the tasks the leader may read
 * (READ_TASK on the processes they supervise, in their units).
 *
 * <p>Every card shows the case's code and the applicant's name ({@link #CARD_VARIABLES}). Tasklist
 * reads them with the user's own permissions (variable reads need READ_INSTANCE_VARIABLE under
 * enforce-specific-variable-permission), so a role that may not read a process's variables (an
 * auditor of denunciations) sees the card without them, never more than its grants allow.
 */
class TasklistFilterSeeder {

  static final String MY_TASKS = "Việc của tôi";
  static final String GROUP_TASKS = "Việc chung của đơn vị";
  static final String OVERDUE = "Việc quá hạn";
  static final String DUE_TODAY = "Việc đến hạn hôm nay";
  static final String WHOLE_UNIT = "Toàn đơn vị";

  /**
   * The variables on each task card, with their Vietnamese labels: a dossier's code (a ladder's
   * urging task knows it as its case key) and the applicant's name. A task without one shows nothing
   * for it ({@code showUndefinedVariable} false).
   */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", DossierProcess.VAR_DOSSIER_CODE, "label", "Mã hồ sơ"),
      Map.of("name", EscalationLadder.IN_CASE_KEY, "label", "Mã hồ sơ"),
      Map.of("name", DossierProcess.VAR_APPLICANT_NAME, "label", "Người nộp hồ sơ"));

  private static final String START_OF_TODAY = "${dateTime().withTimeAtStartOfDay().toDate()}";
  private static final String START_OF_TOMORROW = "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

  void seed(ProcessEngineServices engine) {
    FilterService filterService = engine.getFilterService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    int priority = -10;
    for (var entry : filters(engine.getTaskService()).entrySet()) {
      String name = entry.getKey();
      Definition definition = entry.getValue();
      priority += 10;
      Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
      if (existing != null) {
        addCardVariables(filterService, existing);
        continue;
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", definition.description());
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", CARD_VARIABLES);
      properties.put("showUndefinedVariable", false);
      Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(definition.query());
      filterService.saveFilter(filter);
      Authorization readers = authorizations.createNewAuthorization(
          definition.group() == null ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
      if (definition.group() != null) {
        readers.setGroupId(definition.group());
      }
      readers.setResource(Resources.FILTER);
      readers.setResourceId(filter.getId());
      readers.addPermission(Permissions.READ);
      authorizations.saveAuthorization(readers);
    }
  }

  /**
   * A filter seeded before cards had variables gets them; one whose variables an administrator set
   * in Tasklist keeps them.
   */
  private static void addCardVariables(FilterService filterService, Filter filter) {
    Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(filter.getProperties());
    Object variables = properties.get("variables");
    if (variables instanceof List<?> list && !list.isEmpty()) {
      return;
    }
    properties.put("variables", CARD_VARIABLES);
    properties.put("showUndefinedVariable", false);
    filterService.saveFilter(filter.setProperties(properties));
  }

  /** A filter: its description, its query, and the one group that may open it (null: everyone). */
  private record Definition(String description, TaskQuery query, String group) {}

  private static Map<String, Definition> filters(TaskService tasks) {
    Map<String, Definition> filters = new LinkedHashMap<>();
    filters.put(MY_TASKS, new Definition("Các việc đang giao cho tôi",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), null));
    filters.put(GROUP_TASKS, new Definition("Việc của nhóm tôi trong đơn vị, chưa ai nhận",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(), null));
    filters.put(OVERDUE, new Definition("Việc đã quá hạn xử lý",
        tasks.createTaskQuery().dueBeforeExpression("${now()}"), null));
    filters.put(DUE_TODAY, new Definition("Việc đến hạn trong ngày hôm nay",
        tasks.createTaskQuery().dueAfterExpression(START_OF_TODAY).dueBeforeExpression(START_OF_TOMORROW), null));
    filters.put(WHOLE_UNIT, new Definition("Mọi việc đang mở của đơn vị, đã giao hay chưa giao",
        tasks.createTaskQuery(), Roles.LEADER));
    return filters;
  }
}
