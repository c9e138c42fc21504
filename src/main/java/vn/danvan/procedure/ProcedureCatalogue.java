package vn.danvan.procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * The procedures of the one-stop counter, read from the latest deployed version of the decision
 * table {@code procedureCatalogue} ({@code bpmn/procedureCatalogue.dmn}, edited by process owners
 * in Camunda Modeler). Each version is parsed once and kept until a newer one is deployed.
 *
 * <p>The table is evaluated with a DMN engine of its own (the default configuration: the same
 * FEEL engine as the process engine's), not through the {@code DecisionService} nor the process
 * engine's DMN engine: looking up reference data for a screen is not a decision about a case, so it
 * should neither write decision history on every request nor need the evaluate permission. The
 * dossier process records its decision with a business rule task on the same table. For the same
 * reason the deployed table is read without the caller's authorizations: every authenticated user
 * may read the catalogue.
 */
@Service
public class ProcedureCatalogue {

  private final RepositoryService repositoryService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final AtomicReference<Loaded> loaded = new AtomicReference<>();

  public ProcedureCatalogue(ProcessEngine processEngine) {
    this.repositoryService = processEngine.getRepositoryService();
    this.engineConfiguration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  /** Every procedure in force for dossiers accepted on {@code on} (the variant without verification). */
  public List<Procedure> all(LocalDate on) {
    return table().all(on);
  }

  /**
   * The rule in force for a dossier of procedure {@code code} accepted on {@code acceptedOn}; empty
   * if the code is unknown or has no rule on that date.
   */
  public Optional<Procedure> find(String code, LocalDate acceptedOn, boolean verificationNeeded) {
    return table().find(code, acceptedOn, verificationNeeded);
  }

  /** Whether some row of the table names {@code code}, whatever its dates. */
  public boolean knows(String code) {
    return table().codes().contains(code);
  }

  private ProcedureTable table() {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(ProcedureDecision.KEY).withoutTenantId().latestVersion().singleResult();
      if (latest == null) {
        throw new InvalidCatalogueException("The decision table " + ProcedureDecision.KEY + " is not deployed");
      }
      Loaded current = loaded.get();
      if (current != null && current.definitionId().equals(latest.getId())) {
        return current.table();
      }
      DmnModelInstance model = repositoryService.getDmnModelInstance(latest.getId());
      Loaded fresh = new Loaded(latest.getId(), new ProcedureTable(dmnEngine, model));
      loaded.set(fresh);
      return fresh.table();
    }));
  }

  private record Loaded(String definitionId, ProcedureTable table) {}
}
