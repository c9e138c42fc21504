package vn.danvan.duty;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.danvan.config.TransactionInserts;
import vn.danvan.identity.ProcessGrants;

/**
 * Installs the task guard in the engine: the {@link TaskGuardParseListener} on every deployed
 * diagram, and the task and form services that report its refusals as 400s and check comments
 * and attachments. Separation-of-duties switches are looked up when a task needs them, since the
 * beans that answer (a process family's services) need the engine themselves.
 *
 * <p>Internal API: parse listeners and service replacements are set on
 * {@code ProcessEngineConfigurationImpl} from an engine plugin; Camunda has no public equivalent.
 */
@Component
class TaskGuardPlugin extends AbstractProcessEnginePlugin {

  private final TaskRules rules;

  TaskGuardPlugin(JdbcTemplate jdbc, TransactionInserts inserts, ObjectProvider<SeparationOfDutiesSwitch> switches,
      ProcessGrants grants) {
    this.rules = new TaskRules(grants, new TaskActors(jdbc, inserts), () -> switches.orderedStream().toList());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new TaskGuardParseListener(rules));
    configuration.setCustomPostBPMNParseListeners(listeners);
    configuration.setTaskService(new GuardedTaskService(configuration));
    configuration.setFormService(new GuardedFormService());
  }

  /** For the signing step: separation of duties for a step that is not a user task. */
  TaskRules rules() {
    return rules;
  }
}
