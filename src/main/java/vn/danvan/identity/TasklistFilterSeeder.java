package vn.danvan.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters every official starts with: my tasks, my unit's group tasks, overdue,
 * due today. The queries use expressions evaluated for the user who opens the filter, and the
 * engine's tenant check keeps them to that user's units.
 */
class TasklistFilterSeeder {

  static final String MY_TASKS = "Việc của tôi";
  static final String GROUP_TASKS = "Việc chung của đơn vị";
  static final String OVERDUE = "Việc quá hạn";
  static final String DUE_TODAY = "Việc đến hạn hôm nay";

  private static final String START_OF_TODAY = "${dateTime().withTimeAtStartOfDay().toDate()}";
  private static final String START_OF_TOMORROW = "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

  void seed(FilterService filterService, AuthorizationService authorizations) {
    int priority = -10;
    for (var entry : filters(filterService).entrySet()) {
      String name = entry.getKey();
      if (filterService.createFilterQuery().filterName(name).count() > 0) {
        continue;
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", entry.getValue().description());
      properties.put("priority", priority += 10);
      properties.put("refresh", true);
      Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(entry.getValue().query());
      filterService.saveFilter(filter);
      Authorization everyone = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizations.saveAuthorization(everyone);
    }
  }

  private record Definition(String description, TaskQuery query) {}

  private static Map<String, Definition> filters(FilterService filterService) {
    Map<String, Definition> filters = new LinkedHashMap<>();
    filters.put(MY_TASKS, new Definition("Các việc đang giao cho tôi",
        query().taskAssigneeExpression("${currentUser()}")));
    filters.put(GROUP_TASKS, new Definition("Việc của nhóm tôi trong đơn vị, chưa ai nhận",
        query().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()));
    filters.put(OVERDUE, new Definition("Việc đã quá hạn xử lý",
        query().dueBeforeExpression("${now()}")));
    filters.put(DUE_TODAY, new Definition("Việc đến hạn trong ngày hôm nay",
        query().dueAfterExpression(START_OF_TODAY).dueBeforeExpression(START_OF_TOMORROW)));
    return filters;
  }

  private static TaskQuery query() {
    return new TaskQueryImpl();
  }
}
