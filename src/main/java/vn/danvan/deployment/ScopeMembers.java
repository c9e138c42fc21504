package vn.danvan.deployment;

import java.util.Set;

/**
 * The members of {@code execution} and {@code task} that expressions may use: variables, ids and
 * plain facts about the case or task. Everything else (getProcessEngineServices, getProcessEngine,
 * getBpmnModelInstance, getProcessInstance, setAssignee, ...) reaches the engine itself or changes
 * who works on a case, and is refused by the guard and by the runtime sandbox alike.
 */
final class ScopeMembers {

  /** Variable access shared by executions and tasks, as methods. */
  private static final Set<String> VARIABLE_METHODS = Set.of(
      "getVariable", "getVariableLocal", "getVariableTyped", "getVariableLocalTyped",
      "hasVariable", "hasVariableLocal", "hasVariables", "hasVariablesLocal",
      "setVariable", "setVariableLocal", "removeVariable", "removeVariableLocal",
      "getVariables", "getVariablesLocal", "getVariableNames", "getVariableNamesLocal");

  /** Variable access as properties ({@code execution.variables}). */
  private static final Set<String> VARIABLE_PROPERTIES = Set.of("variables", "variablesLocal", "variableNames",
      "variableNamesLocal");

  static final Set<String> EXECUTION_PROPERTIES = union(VARIABLE_PROPERTIES, Set.of(
      "id", "processInstanceId", "businessKey", "processBusinessKey", "processDefinitionId", "tenantId",
      "currentActivityId", "currentActivityName", "activityInstanceId", "parentActivityInstanceId",
      "currentTransitionId", "eventName", "parentId"));

  static final Set<String> EXECUTION_METHODS = union(VARIABLE_METHODS, getters(EXECUTION_PROPERTIES));

  static final Set<String> TASK_PROPERTIES = union(VARIABLE_PROPERTIES, Set.of(
      "id", "name", "description", "assignee", "owner", "priority", "dueDate", "followUpDate", "createTime",
      "taskDefinitionKey", "processInstanceId", "processDefinitionId", "executionId", "tenantId", "eventName",
      "deleteReason"));

  static final Set<String> TASK_METHODS = union(VARIABLE_METHODS, getters(TASK_PROPERTIES));

  /**
   * Names that lead from any object to classes, class loaders or reflection. Refused as a property
   * or method of anything, whatever the object is.
   */
  static final Set<String> REFLECTIVE = Set.of(
      "class", "getClass", "classLoader", "getClassLoader", "contextClassLoader", "getContextClassLoader",
      "declaringClass", "getDeclaringClass", "module", "getModule", "protectionDomain", "getProtectionDomain",
      "forName", "loadClass", "newInstance", "getConstructor", "getConstructors", "getDeclaredConstructor",
      "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields",
      "getDeclaredField", "getDeclaredFields", "invoke", "setAccessible", "getRuntime", "exec", "exit", "halt",
      "load", "loadLibrary", "wait", "notify", "notifyAll", "finalize");

  private ScopeMembers() {}

  private static Set<String> getters(Set<String> properties) {
    return properties.stream()
        .map(p -> "get" + Character.toUpperCase(p.charAt(0)) + p.substring(1))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
