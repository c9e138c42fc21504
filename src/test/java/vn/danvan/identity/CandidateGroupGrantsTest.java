package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * Every candidate group a diagram of {@code bpmn/} names has a grant to work on that diagram's
 * process in {@code security/process-grants.yaml}: a diagram that hands a task to another role
 * fails here before the engine refuses its deployment.
 */
class CandidateGroupGrantsTest {

  @Test
  void everyCandidateGroupOfEveryDiagramWorksOnItsProcess() throws IOException {
    ProcessGrants grants = ProcessGrants.load();
    List<String> ungranted = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          String key = processOf(task);
          String groups = task.getCamundaCandidateGroups();
          for (String group : groups == null ? new String[0] : groups.split(",")) {
            checked++;
            if (!grants.works(key, group.strip())) {
              ungranted.add(file.getFileName() + " " + key + "/" + task.getId() + ": " + group.strip());
            }
          }
        }
      }
    }
    assertThat(checked).isPositive();
    assertThat(ungranted).as("candidate groups without a grant for their process").isEmpty();
  }

  private static String processOf(ModelElementInstance element) {
    for (ModelElementInstance parent = element; parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Process process) {
        return process.getId();
      }
    }
    throw new AssertionError("User task outside a process: " + element);
  }
}
