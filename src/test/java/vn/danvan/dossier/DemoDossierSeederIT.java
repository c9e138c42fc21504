package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import vn.danvan.escalation.EscalationLadder;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The demo's sample dossiers on PostgreSQL (a database of their own: this context): two nodes
 * seeding at once seed once, a restart seeds nothing, and each demo commune has one dossier in each
 * state, driven through the real process by its officials.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "danvan.demo.seed-dossiers=false")
class DemoDossierSeederIT {

  @Autowired DemoDossierSeeder seeder;
  @Autowired ProcessEngine engine;
  @Autowired UnitOfficials officials;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @Test
  void twoNodesSeedOnceAndEveryCommuneHasADossierInEachState() throws Exception {
    // two nodes starting together: each its own transaction on the guard row
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<Integer>> seeded = new ArrayList<>();
    try {
      Callable<Integer> seed = seeder::seed;
      seeded.add(nodes.submit(seed));
      seeded.add(nodes.submit(seed));
      List<Integer> counts = new ArrayList<>();
      for (Future<Integer> f : seeded) {
        counts.add(f.get());
      }
      assertThat(counts).containsExactlyInAnyOrder(0, 10);
    } finally {
      nodes.shutdownNow();
    }
    // a restart with seeding on: the guard row is there, nothing more
    new DemoDossierSeeder(engine, officials, jdbc, transactions, true).run(null);
    assertThat(seeder.seed()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_demo_seed", Integer.class)).isEqualTo(1);

    for (String unit : List.of("dongha", "camlo")) {
      // waiting for appraisal, for approval, for the citizen's supplement
      assertThat(openTask(unit, "045201000101")).isEqualTo(DossierProcess.TASK_APPRAISE);
      assertThat(openTask(unit, "045201000102")).isEqualTo(DossierProcess.TASK_APPROVE);
      assertThat(openTask(unit, "045201000103")).isEqualTo(DossierProcess.TASK_RECEIVE_SUPPLEMENT);
      assertThat(state(unit, "045201000103")).isEqualTo(DossierState.WAITING_SUPPLEMENT.name());
      // late: the appraisal is still open and the escalation ladder urges it
      String late = instance(unit, "045201000104");
      assertThat(openTask(unit, "045201000104")).isEqualTo(DossierProcess.TASK_APPRAISE);
      assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(late)
          .processDefinitionKey(EscalationLadder.KEY).count()).isEqualTo(1);
      // returned to the citizen, rated at the counter
      assertThat(state(unit, "045201000105")).isEqualTo(DossierState.RETURNED.name());
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance(unit, "045201000105")).count()).isZero();
    }
    // each of the ten dossiers once: no second set from the second node or the restart
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_dossier", Integer.class)).isEqualTo(10);
    Map<String, Integer> perUnit = new TreeMap<>();
    jdbc.query("SELECT unit, COUNT(*) FROM dv_dossier GROUP BY unit",
        rs -> { perUnit.put(rs.getString(1), rs.getInt(2)); });
    assertThat(perUnit).containsExactlyInAnyOrderEntriesOf(Map.of("dongha", 5, "camlo", 5));
    // the codes follow the units' agency codes
    assertThat(jdbc.queryForList("SELECT code FROM dv_dossier WHERE unit = 'dongha'", String.class))
        .allMatch(code -> code.matches("000\\.00\\.31\\.H48-\\d{6}-000[1-5]"));
  }

  /** The dossier's process instance in the unit, by the applicant's (demo) ID number. */
  private String instance(String unit, String idNumber) {
    List<String> instances = history.createHistoricVariableInstanceQuery().variableName("idNumber")
        .variableValueEquals("idNumber", idNumber).tenantIdIn(unit).list().stream()
        .map(HistoricVariableInstance::getProcessInstanceId).distinct().toList();
    assertThat(instances).as(unit + " " + idNumber).hasSize(1);
    return instances.get(0);
  }

  private String openTask(String unit, String idNumber) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance(unit, idNumber)).list();
    assertThat(open).as(unit + " " + idNumber).hasSize(1);
    return open.get(0).getTaskDefinitionKey();
  }

  private String state(String unit, String idNumber) {
    return jdbc.queryForObject("SELECT state FROM dv_dossier WHERE process_instance_id = ?", String.class,
        instance(unit, idNumber));
  }
}
