package vn.danvan.procedure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.danvan.deployment.DeploymentsChanged;
import vn.danvan.identity.WithoutAuthorization;

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
 *
 * <p>A dossier asks for its row many times (every step's due date, every screen): the answer for
 * one version, procedure, acceptance date and verification flag never changes, so it is evaluated
 * once and remembered with that version. Which version is the latest is asked of the database at
 * most every {@code danvan.performance.catalogue-cache} (10 s): a deployment on this node is seen at
 * once (its {@link DeploymentsChanged} event, as is a deletion), one on another node of a cluster within that time.
 * {@code PT0S} asks and evaluates on every call (the stock path, for the benchmark only).
 */
@Service
public class ProcedureCatalogue {

  private final RepositoryService repositoryService;
  private final ProcessEngine processEngine;
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final int MAX_REMEMBERED_ROWS = 50_000;

  private final AtomicReference<Loaded> loaded = new AtomicReference<>();
  private final long trustNanos;
  /** {@code nanoClock} time when the latest version was last confirmed; 0: ask the database next time. */
  private volatile long confirmedAt;
  /** Counts the local deployment events: a check that overlapped one is not trusted. */
  private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
  private final LongSupplier nanoClock;

  @Autowired
  public ProcedureCatalogue(ProcessEngine processEngine,
      @Value("${danvan.performance.catalogue-cache:PT10S}") Duration trustLatest) {
    this(processEngine, trustLatest, System::nanoTime);
  }

  ProcedureCatalogue(ProcessEngine processEngine, Duration trustLatest, LongSupplier nanoClock) {
    this.repositoryService = processEngine.getRepositoryService();
    this.processEngine = processEngine;
    this.trustNanos = trustLatest.toNanos();
    this.nanoClock = nanoClock;
  }

  /** A decision table was deployed or deleted on this node (committed): the next lookup asks which is latest. */
  @EventListener
  void deploymentsChanged(DeploymentsChanged change) {
    if (change.mayConcern(".dmn")) {
      changes.incrementAndGet();
      confirmedAt = 0;
    }
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
    Loaded current = current();
    if (trustNanos == 0) {
      return current.table().find(code, acceptedOn, verificationNeeded);
    }
    if (current.rows().size() > MAX_REMEMBERED_ROWS) {
      current.rows().clear();
    }
    return current.rows().computeIfAbsent(new RowKey(code, acceptedOn, verificationNeeded),
        key -> current.table().find(key.code(), key.acceptedOn(), key.verificationNeeded()));
  }

  /** Whether some row of the table names {@code code}, whatever its dates. */
  public boolean knows(String code) {
    return table().codes().contains(code);
  }

  private ProcedureTable table() {
    return current().table();
  }

  private Loaded current() {
    Loaded current = loaded.get();
    long checked = confirmedAt;
    if (current != null && trustNanos > 0 && checked != 0 && nanoClock.getAsLong() - checked < trustNanos) {
      return current;
    }
    long asked = nanoClock.getAsLong();
    long changesSeen = changes.get();
    Loaded latest = latest();
    confirmedAt = asked == 0 ? 1 : asked;
    if (changes.get() != changesSeen) {
      // a deployment committed while this check read the old latest version: ask again next time
      confirmedAt = 0;
    }
    return latest;
  }

  private Loaded latest() {
    return WithoutAuthorization.call(processEngine, () -> {
      DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(ProcedureDecision.KEY).withoutTenantId().latestVersion().singleResult();
      if (latest == null) {
        throw new InvalidCatalogueException("The decision table " + ProcedureDecision.KEY + " is not deployed");
      }
      Loaded current = loaded.get();
      if (current != null && current.definitionId().equals(latest.getId())) {
        return current;
      }
      DmnModelInstance model = repositoryService.getDmnModelInstance(latest.getId());
      Loaded fresh = new Loaded(latest.getId(), new ProcedureTable(dmnEngine, model), new ConcurrentHashMap<>());
      loaded.set(fresh);
      return fresh;
    });
  }

  /**
   * A parsed version and the rows already looked up in it (a few per procedure and day: bounded by
   * the days of acceptance still in progress, and dropped with the version).
   */
  private record Loaded(String definitionId, ProcedureTable table, Map<RowKey, Optional<Procedure>> rows) {}

  private record RowKey(String code, LocalDate acceptedOn, boolean verificationNeeded) {}
}
