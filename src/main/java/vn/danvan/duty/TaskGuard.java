package vn.danvan.duty;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The task listener {@link TaskGuardParseListener} adds to every user task of every deployed
 * process: applies {@link TaskRules} when the task is created, assigned (claim, delegate, set
 * assignee), updated (candidate users and groups added) and completed, and records who completed it.
 */
class TaskGuard implements TaskListener {

  private final TaskRules rules;
  private final String processKey;
  private final List<String> separateFrom;

  TaskGuard(TaskRules rules, String processKey, List<String> separateFrom) {
    this.rules = rules;
    this.processKey = processKey;
    this.separateFrom = List.copyOf(separateFrom);
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE, EVENTNAME_UPDATE, EVENTNAME_ASSIGNMENT -> {
        rules.checkPeople(task, processKey);
        if (task.getAssignee() != null) {
          rules.checkSeparation(task, processKey, separateFrom, Set.of(task.getAssignee()));
        }
      }
      case EVENTNAME_COMPLETE -> {
        rules.checkSeparation(task, processKey, separateFrom, TaskRules.completers(task));
        rules.recordActors(task);
      }
      default -> { }
    }
  }
}
