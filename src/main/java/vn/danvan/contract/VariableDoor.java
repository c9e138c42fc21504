package vn.danvan.contract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The doors of Camunda's REST API (mounted at {@code /engine-rest} and again at
 * {@code /camunda/api/engine/engine/{name}}) through which a caller writes process or task
 * variables, recognised from the method and the path below the mount.
 *
 * @param id the task or process definition id (or key) in the path, or null
 * @param variable the variable named in the path, or null
 */
record VariableDoor(Kind kind, String id, String variable) {

  enum Kind {
    /** complete, submit-form, resolve: the task's form contract, every rule. */
    TASK_COMPLETION,
    /** PUT a task (local) variable: the form contract without {@code required}; admins free. */
    TASK_VARIABLE_PUT,
    /** POST modifications/deletions of task (local) variables: as PUT; deletions admins only. */
    TASK_VARIABLE_MODIFY,
    /** DELETE a task variable, or upload binary data: admins only. */
    TASK_VARIABLE_ADMIN_ONLY,
    /** bpmnError/bpmnEscalation of a task: no variables except for admins. */
    TASK_WITH_VARIABLES,
    /** start or submit-form of a process definition: the start contract, checked before the engine does. */
    PROCESS_START,
    /** process-instance/execution/case variables, set-variables batches, modification, migration: admins only. */
    ADMIN_ONLY,
    /** message, signal, external-task completion, CMMN case steps: without variables for non-admins. */
    ADMIN_ONLY_WITH_VARIABLES
  }

  private record Route(String method, Pattern path, Kind kind) {}

  private static final String ID = "([^/]+)";
  private static final List<Route> ROUTES = List.of(
      new Route("POST", Pattern.compile("/task/" + ID + "/(complete|submit-form|resolve)"), Kind.TASK_COMPLETION),
      new Route("PUT", Pattern.compile("/task/" + ID + "/(?:variables|localVariables)/" + ID), Kind.TASK_VARIABLE_PUT),
      new Route("POST", Pattern.compile("/task/" + ID + "/(?:variables|localVariables)"), Kind.TASK_VARIABLE_MODIFY),
      new Route("DELETE", Pattern.compile("/task/" + ID + "/(?:variables|localVariables)/" + ID), Kind.TASK_VARIABLE_ADMIN_ONLY),
      new Route("*", Pattern.compile("/task/" + ID + "/(?:variables|localVariables)/" + ID + "/data"), Kind.TASK_VARIABLE_ADMIN_ONLY),
      new Route("POST", Pattern.compile("/task/" + ID + "/(bpmnError|bpmnEscalation)"), Kind.TASK_WITH_VARIABLES),
      new Route("POST", Pattern.compile("/process-definition/((?:key/[^/]+(?:/tenant-id/[^/]+)?)|[^/]+)/(start|submit-form)"),
          Kind.PROCESS_START),
      new Route("*", Pattern.compile("/(?:process-instance|execution|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?"),
          Kind.ADMIN_ONLY),
      new Route("*", Pattern.compile("/process-instance/variables-async"), Kind.ADMIN_ONLY),
      new Route("*", Pattern.compile("/process-instance/[^/]+/modification(?:-async)?"), Kind.ADMIN_ONLY),
      new Route("*", Pattern.compile("/(?:modification|migration)/execute(?:Async)?"), Kind.ADMIN_ONLY),
      new Route("*", Pattern.compile("/execution/[^/]+/messageSubscriptions/[^/]+/trigger"), Kind.ADMIN_ONLY_WITH_VARIABLES),
      new Route("POST", Pattern.compile("/(?:message|signal)"), Kind.ADMIN_ONLY_WITH_VARIABLES),
      new Route("POST", Pattern.compile("/external-task/[^/]+/(?:complete|bpmnError|failure)"), Kind.ADMIN_ONLY_WITH_VARIABLES),
      new Route("POST", Pattern.compile("/case-(?:definition|instance|execution)/.+"), Kind.ADMIN_ONLY_WITH_VARIABLES));

  private static final Pattern NAMED_ENGINE = Pattern.compile("/engine/[^/]+(/.*)");

  /**
   * The door a request goes through, or null if it writes no variables.
   *
   * @param pathBelowMount the path below {@code /engine-rest} or {@code /camunda/api/engine}, decoded
   *     and normalised by the container (the servlet's path info)
   */
  static VariableDoor of(String method, String pathBelowMount) {
    if (pathBelowMount == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return null;
    }
    String path = pathBelowMount.replaceAll("/{2,}", "/");
    Matcher named = NAMED_ENGINE.matcher(path);
    if (named.matches()) {
      path = named.group(1);
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    for (Route route : ROUTES) {
      Matcher m = route.path().matcher(path);
      if ((route.method().equals("*") || route.method().equals(method)) && m.matches()) {
        String id = m.groupCount() >= 1 ? m.group(1) : null;
        String variable = route.kind() == Kind.TASK_VARIABLE_PUT || route.kind() == Kind.TASK_VARIABLE_ADMIN_ONLY
            ? (m.groupCount() >= 2 ? m.group(2) : null) : null;
        return new VariableDoor(route.kind(), id, variable);
      }
    }
    return null;
  }
}
