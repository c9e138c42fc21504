package vn.danvan.contract;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link StartContractListener} on every deployed process, present and future, so that no way
 * of starting one skips its start contract. Uses the engine's implementation classes because a BPMN
 * parse listener (the only hook that sees every process definition as it is deployed or loaded from
 * the database) has no public API in Camunda 7; this class is the only place that does.
 *
 * <p>The listener is a built-in listener of the process's own {@code start} event, first in line:
 * it runs for every instance start (start event, message, signal, conditional, start before an
 * activity), before any user listener or step, and is not skipped by {@code skipCustomListeners}.
 */
@Component
class StartContractPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<StartContracts> contracts;

  StartContractPlugin(ObjectProvider<StartContracts> contracts) {
    this.contracts = contracts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            new StartContractListener(processDefinition.getKey(), contracts), 0);
      }
    });
  }
}
