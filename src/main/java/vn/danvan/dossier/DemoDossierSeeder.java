package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.identity.Roles;
import vn.danvan.identity.UnitOfficials;
import vn.danvan.sla.EngineClock;

/**
 * Demo profile only: gives every demo commune a handful of dossiers in different states, so a
 * newcomer who logs in finds real work in each role's list — one waiting for appraisal
 * (specialist), one for approval (leader), one waiting for the citizen's supplement (one-stop
 * officer), one whose appraisal ran late (the escalation ladder urges it), one returned to the
 * citizen (in the trail and the public lookup).
 *
 * <p>The dossiers go through the real process, each step done by the official whose step it is
 * (their authentication set as a login would), so the task guard, the form contracts and the
 * grants all apply. "Late" is the one shortcut: the appraisal-overdue timer is fired now through the
 * engine's public API ({@link ManagementService#executeJob}) instead of waiting for its due time;
 * the engine clock is never moved. Everything happens in one transaction that first inserts the
 * row {@code dv_demo_seed('demo-dossiers')}: a restart finds the row and seeds nothing, and a second
 * node starting at the same time waits on that row's key and then finds it (its duplicate is
 * rolled back). On by default in the demo ({@code danvan.demo.seed-dossiers}).
 */
@Component
@Profile("demo")
// after identity.DemoOfficialsSeeder (100): the units' agency codes and chairmen are recorded by then
@Order(200)
class DemoDossierSeeder implements ApplicationRunner {

  static final String SEED = "demo-dossiers";
  private static final Logger LOG = LoggerFactory.getLogger(DemoDossierSeeder.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final UnitOfficials officials;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final boolean enabled;

  DemoDossierSeeder(ProcessEngine engine, UnitOfficials officials, JdbcTemplate jdbc,
      PlatformTransactionManager transactions, @Value("${danvan.demo.seed-dossiers:false}") boolean enabled) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
    this.officials = officials;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.enabled = enabled;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    try {
      seed();
    } catch (RuntimeException e) {
      // a demo without its sample dossiers still starts; nothing was half-written (one transaction)
      LOG.warn("Demo profile: the demo dossiers could not be seeded ({}); nothing was written", e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Seeds the demo dossiers unless they were seeded before (on this node or another).
   *
   * @return the number of dossiers seeded, 0 if the seed had run already
   */
  int seed() {
    Integer seeded = transaction.execute(status -> {
      try {
        jdbc.update("INSERT INTO dv_demo_seed (seed_name, seeded_at) VALUES (?, ?)", SEED,
            Timestamp.from(EngineClock.now()));
      } catch (DuplicateKeyException seededBefore) {
        status.setRollbackOnly();
        return 0;
      }
      int count = 0;
      for (Cast cast : casts()) {
        count += seedUnit(cast);
      }
      return count;
    });
    if (seeded != null && seeded > 0) {
      LOG.info("Demo profile: seeded {} demo dossiers (danvan.demo.seed-dossiers=false turns this off)", seeded);
    }
    return seeded == null ? 0 : seeded;
  }

  /** The officials of one commune who play the demo: its first one-stop officer, specialist and its chairman. */
  private record Cast(String unit, String officer, String specialist, String leader) {}

  private List<Cast> casts() {
    List<Cast> casts = new ArrayList<>();
    for (Tenant tenant : identity.createTenantQuery().orderByTenantId().asc().list()) {
      String unit = tenant.getId();
      Optional<String> officer = member(unit, Roles.ONE_STOP_OFFICER);
      Optional<String> specialist = member(unit, Roles.SPECIALIST);
      Optional<String> leader = officials.chairman(unit).or(() -> member(unit, Roles.LEADER));
      if (officer.isPresent() && specialist.isPresent() && leader.isPresent()) {
        casts.add(new Cast(unit, officer.get(), specialist.get(), leader.get()));
      }
    }
    return casts;
  }

  private Optional<String> member(String unit, String group) {
    return identity.createUserQuery().memberOfTenant(unit).memberOfGroup(group).orderByUserId().asc().list().stream()
        .map(User::getId).findFirst();
  }

  private int seedUnit(Cast cast) {
    // waiting for appraisal
    receive(cast, "Nguyễn Văn Bình", "045201000101", "0912000101", null);

    // waiting for approval: appraised by the specialist
    String approval = receive(cast, "Trần Thị Cúc", "045201000102", "0912000102", null);
    appraise(cast, approval);

    // waiting for the citizen's supplement: incomplete at the counter, Form 02 signed and sent
    receive(cast, "Lê Văn Dũng", "045201000103", "0912000103",
        "1. Bản chính giấy tờ cần chứng thực để đối chiếu.");

    // late: the appraisal overran its step budget and the escalation ladder urges it
    String late = receive(cast, "Phạm Thị Giang", "045201000104", "0912000104", null);
    Job overdue = management.createJobQuery().processInstanceId(late).activityId(TIMER_APPRAISAL_OVERDUE).singleResult();
    if (overdue != null) {
      management.executeJob(overdue.getId());
      runJobs(late);
    }

    // returned: appraised, approved, signed and handed over
    String returned = receive(cast, "Hoàng Văn Hải", "045201000105", "0912000105", null);
    appraise(cast, returned);
    complete(cast.leader(), returned, TASK_APPROVE, Map.of(VAR_APPROVAL_DECISION, APPROVAL_APPROVE));
    runJobs(returned);
    complete(cast.officer(), returned, TASK_RETURN, Map.of(VAR_RESULT_HANDED_OVER, true, VAR_SATISFACTION, "5"));
    return 5;
  }

  /** What a certified copy requires of its start-form section: the document and the number of copies. */
  private static final Map<String, Object> CERTIFIED_COPY_FIELDS = Map.of("documentName", "Giấy khai sinh",
      "copyCount", 1);

  /** Starts a certified-copy dossier as the officer (complete, or incomplete with what is missing); its instance id. */
  private String receive(Cast cast, String applicant, String idNumber, String phone, String missingItems) {
    NewDossierRequest request = new NewDossierRequest(PROCEDURE_CERTIFIED_COPY, cast.unit(), applicant, idNumber, phone,
        null, "COUNTER", "Khu phố 1, " + cast.unit(), "Bản chính và 01 bản sao giấy khai sinh", false, null, null,
        null, CERTIFIED_COPY_FIELDS);
    Map<String, Object> variables = new HashMap<>(request.variables(cast.officer()));
    if (missingItems != null) {
      variables.put(VAR_CHECK_RESULT, CHECK_INCOMPLETE);
      variables.put(VAR_MISSING_ITEMS, missingItems);
    }
    String instance = as(cast.officer(), () -> runtime.createProcessInstanceByKey(KEY).setVariables(variables)
        .execute().getId());
    runJobs(instance);
    return instance;
  }

  private void appraise(Cast cast, String instance) {
    complete(cast.specialist(), instance, TASK_APPRAISE, Map.of(VAR_APPRAISAL_RESULT, APPRAISAL_PROPOSE_APPROVE,
        VAR_APPRAISAL_OPINION, "Hồ sơ đầy đủ, hợp lệ; đề nghị chứng thực."));
  }

  /** Claims and completes the instance's open task at {@code taskKey} as {@code user}. */
  private void complete(String user, String instance, String taskKey, Map<String, Object> variables) {
    as(user, () -> {
      Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("Demo seed: no open task " + taskKey + " in instance " + instance);
      }
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), variables);
      return null;
    });
    runJobs(instance);
  }

  /** The instance's asynchronous steps (signing), run now as the job executor would, timers excepted. */
  private void runJobs(String instance) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Runs {@code work} authenticated as the demo user, with their groups and units, as a login would. */
  private <T> T as(String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> units = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(user, groups, units);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
