package vn.danvan.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The few process assertions the process tests use (is waiting at, has passed, is ended, the task of
 * a case), on the engine's public API only. The process tests import camunda-bpm-assert's
 * {@code BpmnAwareTests}; the Operaton build (whose assert module is not on Maven Central) rewrites
 * that import to this class (src/build/operaton-rewrite.xml), so the same tests run on both engines. The
 * meaning of each assertion is camunda-bpm-assert's. The engine is the application's default one,
 * as there.
 */
public final class ProcessAssertions {

  private ProcessAssertions() {
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance instance) {
    return new ProcessInstanceAssert(instance);
  }

  public static TaskAssert assertThat(Task task) {
    return new TaskAssert(task);
  }

  /** The one open task of the case (fails if there are several). */
  public static Task task(ProcessInstance instance) {
    return engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** The open task of the case at the user task {@code taskDefinitionKey}. */
  public static Task task(String taskDefinitionKey, ProcessInstance instance) {
    return engine().getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  public static void complete(Task task, Map<String, Object> variables) {
    Assertions.assertThat(task).as("the task to complete").isNotNull();
    engine().getTaskService().complete(task.getId(), variables);
  }

  /** Names and values, alternating: {@code withVariables("a", 1, "b", "x")}. */
  public static Map<String, Object> withVariables(String name, Object value, Object... more) {
    Assertions.assertThat(more.length % 2).as("withVariables takes names and values in pairs").isZero();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(name, value);
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return variables;
  }

  static ProcessEngine engine() {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    Assertions.assertThat(engine).as("the application's process engine").isNotNull();
    return engine;
  }

  /** Assertions on a case, running or ended. */
  public static final class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

    ProcessInstanceAssert(ProcessInstance actual) {
      super(actual, ProcessInstanceAssert.class);
    }

    /** The case is running and an activity (or an asynchronous continuation) is open at each id. */
    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      isNotNull();
      ActivityInstance root = engine().getRuntimeService().getActivityInstance(actual.getId());
      Assertions.assertThat(root).as("%s is running", actual.getId()).isNotNull();
      List<String> open = descendants(root).filter(id -> !id.equals(root.getActivityId())).toList();
      Assertions.assertThat(open).as("activities where %s waits", actual.getId()).contains(activityIds);
      return this;
    }

    /** Each activity has been finished at least once in the case (history level activity or more). */
    public ProcessInstanceAssert hasPassed(String... activityIds) {
      isNotNull();
      List<String> finished = new ArrayList<>();
      for (HistoricActivityInstance activity : engine().getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(actual.getId()).finished().list()) {
        finished.add(activity.getActivityId());
      }
      Assertions.assertThat(finished).as("activities %s has passed", actual.getId()).contains(activityIds);
      return this;
    }

    /** The case has ended: not running any more, and in the history. */
    public ProcessInstanceAssert isEnded() {
      isNotNull();
      Assertions.assertThat(engine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(actual.getId()).singleResult()).as("%s still running", actual.getId()).isNull();
      Assertions.assertThat(engine().getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(actual.getId()).finished().singleResult()).as("%s ended in the history", actual.getId())
          .isNotNull();
      return this;
    }

    public ProcessInstanceAssert hasBusinessKey(String businessKey) {
      isNotNull();
      Assertions.assertThat(actual.getBusinessKey()).as("business key of %s", actual.getId()).isEqualTo(businessKey);
      return this;
    }

    /** The case's variables: the running ones, or those in the history once it has ended. */
    public MapAssert<String, Object> variables() {
      isNotNull();
      boolean running = engine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(actual.getId()).count() == 1;
      if (running) {
        return Assertions.assertThat(engine().getRuntimeService().getVariables(actual.getId()));
      }
      Map<String, Object> variables = new HashMap<>();
      for (HistoricVariableInstance variable : engine().getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(actual.getId()).list()) {
        variables.put(variable.getName(), variable.getValue());
      }
      return Assertions.assertThat(variables);
    }

    private static Stream<String> descendants(ActivityInstance instance) {
      Stream<String> transitions = Stream.of(instance.getChildTransitionInstances()).map(t -> t.getActivityId());
      Stream<String> children = Stream.of(instance.getChildActivityInstances()).flatMap(ProcessInstanceAssert::descendants);
      return Stream.concat(Stream.of(instance.getActivityId()), Stream.concat(transitions, children));
    }
  }

  /** Assertions on a user task. */
  public static final class TaskAssert extends AbstractAssert<TaskAssert, Task> {

    TaskAssert(Task actual) {
      super(actual, TaskAssert.class);
    }

    /** The group is a candidate group of the open task. */
    public TaskAssert hasCandidateGroup(String groupId) {
      isNotNull();
      List<String> groups = new ArrayList<>();
      for (IdentityLink link : engine().getTaskService().getIdentityLinksForTask(actual.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      Assertions.assertThat(groups).as("candidate groups of task %s", actual.getTaskDefinitionKey()).contains(groupId);
      return this;
    }
  }
}
