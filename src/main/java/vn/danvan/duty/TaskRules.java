package vn.danvan.duty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import vn.danvan.identity.ProcessGrants;

/**
 * The rules every user task of every process obeys, whoever changes it and through whichever door
 * (engine REST, Tasklist, our API, a diagram's assignee expression):
 * <ul>
 *   <li>its candidate groups are roles that work on its process ({@link ProcessGrants}), so a
 *       diagram cannot hand a process's data to another role;</li>
 *   <li>its assignee and candidate users are users of the task's unit holding one of its candidate
 *       groups (a leader reassigns within the unit and the role);</li>
 *   <li>separation of duties: whoever did one of the tasks named by the task's {@value
 *       #SEPARATE_FROM} extension property may neither be assigned nor complete it.</li>
 * </ul>
 * A refusal is a {@link TaskRefusedException}: the engine rolls the whole command back.
 */
class TaskRules {

  /** Extension property of a user task: ids of earlier tasks (comma-separated) whose actors may not do this one. */
  static final String SEPARATE_FROM = "separateFrom";

  private final ProcessGrants grants;
  private final TaskActors actors;
  private final Supplier<List<SeparationOfDutiesSwitch>> switches;

  TaskRules(ProcessGrants grants, TaskActors actors, Supplier<List<SeparationOfDutiesSwitch>> switches) {
    this.grants = grants;
    this.actors = actors;
    this.switches = switches;
  }

  ProcessGrants grants() {
    return grants;
  }

  /** Every candidate group is a working role of the process, every candidate user and the assignee may hold the task. */
  void checkPeople(DelegateTask task, String processKey) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Set<String> groups = candidateGroups(task);
    for (String group : groups) {
      if (!grants.works(processKey, group)) {
        throw new TaskRefusedException("groupId", "nhóm '" + group + "' không được giao việc của quy trình "
            + processKey + " (role '" + group + "' has no grant for process " + processKey + ")");
      }
    }
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        checkHolder(identity, task, groups, "userId", link.getUserId());
      }
    }
    if (task.getAssignee() != null) {
      checkHolder(identity, task, groups, "userId", task.getAssignee());
    }
  }

  /** The assignee did none of the tasks this one is separated from. */
  void checkSeparation(DelegateTask task, String processKey, List<String> separateFrom, Collection<String> users) {
    if (separateFrom.isEmpty() || users.isEmpty() || !separates(processKey, task.getProcessInstanceId())) {
      return;
    }
    Set<String> earlier = actors.of(task.getProcessInstanceId(), separateFrom);
    for (String user : users) {
      if (earlier.contains(user)) {
        throw new TaskRefusedException("userId", "người đã thẩm định hồ sơ không được phê duyệt, ký hồ sơ đó ('"
            + user + "' did " + String.join(", ", separateFrom) + " of this case and may not do "
            + task.getTaskDefinitionKey() + ": separation of duties)");
      }
    }
  }

  /** Separation of duties for a step that is not a user task (the signing step): {@code user} acts in it. */
  void checkSeparation(String processKey, String processInstanceId, String activityId, List<String> separateFrom,
      String user) {
    if (user == null || separateFrom.isEmpty() || !separates(processKey, processInstanceId)) {
      return;
    }
    if (actors.of(processInstanceId, separateFrom).contains(user)) {
      throw new TaskRefusedException("userId", "'" + user + "' did " + String.join(", ", separateFrom)
          + " of this case and may not act in " + activityId + " (separation of duties)");
    }
  }

  /** The assignee and the authenticated user who completes the task. */
  static Set<String> completers(DelegateTask task) {
    Set<String> users = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    }
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      users.add(current.getUserId());
    }
    return users;
  }

  void recordActors(DelegateTask task) {
    Set<String> users = completers(task);
    if (!users.isEmpty() && task.getProcessInstanceId() != null) {
      actors.record(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId(), users);
    }
  }

  private boolean separates(String processKey, String processInstanceId) {
    for (SeparationOfDutiesSwitch candidate : switches.get()) {
      Optional<Boolean> answer = candidate.separateDuties(processKey, processInstanceId);
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    return true;
  }

  /**
   * One answer for "no such user", "not in the unit" and "not in the role", so that the refusal
   * does not tell a caller which user ids exist in other units.
   */
  private static void checkHolder(IdentityService identity, DelegateTask task, Set<String> groups, String field,
      String userId) {
    Authentication current = identity.getCurrentAuthentication();
    boolean holds = isTheAuthenticatedUser(current, userId) ? holdsAsAuthenticated(current, task, groups)
        : holdsAsRecorded(identity, task, groups, userId);
    if (!holds) {
      throw new TaskRefusedException(field, "'" + userId + "' không phải cán bộ của đơn vị giữ vai trò của việc này ("
          + "not an official of unit " + task.getTenantId() + " holding one of the task's roles " + groups + ")");
    }
  }

  /**
   * Whether {@code userId} is the user this command runs for, with the groups and units the login
   * established: an official claiming a task for themselves. The engine checks this very command's
   * authorizations with those groups and units, so asking the identity tables again would only
   * repeat the answer, two queries per claim. The login's groups are as fresh as the engine's own
   * checks: a Basic login is re-read every {@code identity-cache} (30 s), a webapp session with
   * Camunda's authentication cache.
   */
  private static boolean isTheAuthenticatedUser(Authentication current, String userId) {
    return current != null && userId.equals(current.getUserId()) && current.getGroupIds() != null
        && current.getTenantIds() != null;
  }

  private static boolean holdsAsAuthenticated(Authentication current, DelegateTask task, Set<String> groups) {
    boolean inRole = groups.isEmpty() || current.getGroupIds().stream().anyMatch(groups::contains);
    return inRole && (task.getTenantId() == null || current.getTenantIds().contains(task.getTenantId()));
  }

  /** Another user (a leader assigning, a diagram's assignee): as the identity tables record them now. */
  private static boolean holdsAsRecorded(IdentityService identity, DelegateTask task, Set<String> groups,
      String userId) {
    // A membership names an existing user (the group query joins the user table), so a task with
    // candidate groups needs no separate question whether the user exists: two queries, not three.
    boolean inRole = groups.isEmpty() ? identity.createUserQuery().userId(userId).count() == 1
        : identity.createGroupQuery().groupMember(userId).groupIdIn(groups.toArray(String[]::new)).count() > 0;
    return inRole && (task.getTenantId() == null || identity.createTenantQuery().userMember(userId)
        .includingGroupsOfUser(true).tenantId(task.getTenantId()).count() > 0);
  }

  private static Set<String> candidateGroups(DelegateTask task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  static List<String> ids(String commaSeparated) {
    List<String> ids = new ArrayList<>();
    if (commaSeparated != null) {
      for (String id : commaSeparated.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.strip());
        }
      }
    }
    return ids;
  }
}
