package vn.danvan.escalation;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.danvan.identity.AsSystem;
import vn.danvan.identity.OfficialPosition;
import vn.danvan.identity.Roles;
import vn.danvan.identity.UnitOfficial;
import vn.danvan.identity.UnitOfficials;

/**
 * Who a rung asks, from the identity data of the case's unit ({@link UnitOfficials}) and the step's
 * open task, when the rung opens: never a name written in a diagram. A rung nobody holds is answered
 * with the reason, in Vietnamese, so that the ladder records the skip.
 *
 * <ul>
 *   <li>{@link Rung#OFFICER}: the step's assignee, else its candidate group;
 *   <li>{@link Rung#VICE_CHAIRMAN}: the first recorded vice-chairman who still serves the unit;
 *   <li>{@link Rung#CHAIRMAN}: the head of the unit (acting chairman, else chairman);
 *   <li>{@link Rung#PROVINCE}: the head of the parent unit, who must also be an official of the case's
 *       unit (a member of its tenant) — the task guard gives a case's tasks only to its unit's
 *       officials, so an upper leader who does not follow the unit is skipped with that reason.
 * </ul>
 */
@Component
class RungOfficials {

  /** Who is asked: a user, or (officer rung only) a group; {@code text} names them for people. */
  record Asked(String userId, String groupId, String text) {}

  /** The answer for a rung: who is asked, or why nobody is. */
  record Resolution(Asked asked, String skipReason) {
    static Resolution skip(String reason) {
      return new Resolution(null, reason);
    }
  }

  private final UnitOfficials officials;
  private final TaskService tasks;
  private final IdentityService identity;

  RungOfficials(UnitOfficials officials, TaskService tasks, IdentityService identity) {
    this.officials = officials;
    this.tasks = tasks;
    this.identity = identity;
  }

  Resolution resolve(Rung rung, String unit, String caseInstanceId, String stepId) {
    return switch (rung) {
      case OFFICER -> officer(caseInstanceId, stepId);
      case VICE_CHAIRMAN -> viceChairman(unit);
      case CHAIRMAN -> officials.head(unit).map(id -> leader(unit, unit, id))
          .orElseGet(() -> Resolution.skip("Đơn vị chưa ghi nhận Chủ tịch đang giữ chức vụ"));
      case PROVINCE -> province(unit);
    };
  }

  private Resolution officer(String caseInstanceId, String stepId) {
    List<Task> open = unauthenticated(() -> tasks.createTaskQuery().processInstanceId(caseInstanceId)
        .taskDefinitionKey(stepId).list());
    for (Task task : open) {
      if (task.getAssignee() != null) {
        String name = officials.fullName(task.getAssignee()).orElse(task.getAssignee());
        return new Resolution(new Asked(task.getAssignee(), null, "cán bộ " + name + " (" + task.getAssignee() + ")"), null);
      }
    }
    for (Task task : open) {
      for (IdentityLink link : unauthenticated(() -> tasks.getIdentityLinksForTask(task.getId()))) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          String group = link.getGroupId();
          return new Resolution(new Asked(null, group, "nhóm " + Roles.NAMES.getOrDefault(group, group)), null);
        }
      }
    }
    return Resolution.skip("Bước không có cán bộ hay nhóm nào đang được giao xử lý");
  }

  private Resolution viceChairman(String unit) {
    return officials.profile(unit).stream().flatMap(p -> p.all(OfficialPosition.VICE_CHAIRMAN).stream())
        .map(UnitOfficial::userId).filter(id -> officials.official(unit, id).isPresent()).findFirst()
        .map(id -> leader(unit, unit, id))
        .orElseGet(() -> Resolution.skip("Đơn vị chưa ghi nhận Phó Chủ tịch đang giữ chức vụ"));
  }

  private Resolution province(String unit) {
    Optional<String> parent = officials.parent(unit);
    if (parent.isEmpty()) {
      return Resolution.skip("Đơn vị chưa ghi nhận đơn vị cấp trên");
    }
    Optional<String> head = officials.head(parent.get());
    if (head.isEmpty()) {
      return Resolution.skip("Đơn vị cấp trên chưa ghi nhận Chủ tịch đang giữ chức vụ");
    }
    if (!memberOf(unit, head.get())) {
      return Resolution.skip("Lãnh đạo đơn vị cấp trên (" + head.get()
          + ") chưa được giao theo dõi đơn vị này nên không nhận được việc của hồ sơ");
    }
    return leader(parent.get(), unit, head.get());
  }

  /** A leader asked by title and name, e.g. "Phó Chủ tịch UBND phường Phạm Thị Hoa (dongha.vicechair)". */
  private Resolution leader(String postUnit, String caseUnit, String userId) {
    String title = officials.official(postUnit, userId).map(UnitOfficial::title).orElse("Lãnh đạo");
    String name = officials.fullName(userId).orElse(userId);
    return new Resolution(new Asked(userId, null, title + " " + name + " (" + userId + ")"), null);
  }

  private boolean memberOf(String unit, String userId) {
    return unauthenticated(() -> identity.createTenantQuery().tenantId(unit).userMember(userId)
        .includingGroupsOfUser(true).count() > 0);
  }

  /** Reads as the system: the rung opens in a timer job, but may also run in a user's command. */
  private <T> T unauthenticated(Supplier<T> query) {
    return AsSystem.read(identity, query);
  }
}
