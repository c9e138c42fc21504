package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.support.PostgresTestDatabase;

/**
 * The numbering on a real PostgreSQL, through pools like the application's: many callers of one
 * register rolling back or losing their connection (a node killed mid-transaction) leave exactly
 * 1..M; a caller never waits for another caller's transaction; the stock path (the counter in the
 * caller's transaction) queues them. Each caller stands for a start: it takes a number and records
 * it in the caller's transaction, as a dossier or document row would.
 */
class DocumentNumberingIT {

  private static final String UNIT = "dongha";
  private static final String REGISTER = "HS261201";
  private static final int YEAR = 2026;

  private HikariDataSource application;
  private NumberingPool pool;
  private JdbcTemplate jdbc;
  private JdbcTemplate admin;
  private DataSourceTransactionManager transactions;

  @BeforeEach
  void database() {
    PostgresTestDatabase.Database database = PostgresTestDatabase.newDatabase();
    application = new HikariDataSource();
    application.setJdbcUrl(database.url());
    application.setUsername(database.user());
    application.setPassword(database.password());
    application.setMaximumPoolSize(12);
    Flyway.configure().dataSource(application).locations("classpath:db/migration").table("dv_schema_history")
        .load().migrate();
    jdbc = new JdbcTemplate(application);
    jdbc.execute("CREATE TABLE used_number (number INTEGER PRIMARY KEY)");
    // outside every pool: the connection that kills the callers' connections
    admin = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    transactions = new DataSourceTransactionManager(application);
    pool = new NumberingPool(application);
  }

  @AfterEach
  void close() {
    pool.destroy();
    application.close();
  }

  private DocumentNumbering numbering(boolean shortLock) {
    return new DocumentNumbering(jdbc, transactions, pool, shortLock);
  }

  private List<Integer> used() {
    return jdbc.queryForList("SELECT number FROM used_number ORDER BY number", Integer.class);
  }

  private int commitOne(DocumentNumbering numbering) {
    return new TransactionTemplate(transactions).execute(status -> {
      int number = numbering.next(UNIT, REGISTER, YEAR);
      jdbc.update("INSERT INTO used_number (number) VALUES (?)", number);
      return number;
    });
  }

  @ParameterizedTest(name = "short lock {0}")
  @ValueSource(booleans = {true, false})
  void callersRollingBackOrKilledMidTransactionLeaveExactlyOneToMWithoutDuplicates(boolean shortLock)
      throws Exception {
    DocumentNumbering numbering = numbering(shortLock);
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger rolledBack = new AtomicInteger();
    AtomicInteger killed = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int caller = 0; caller < 8; caller++) {
        Random random = new Random(caller);
        done.add(callers.submit(() -> {
          for (int i = 0; i < 30; i++) {
            int fate = random.nextInt(10);
            try {
              new TransactionTemplate(transactions).executeWithoutResult(status -> {
                int number = numbering.next(UNIT, REGISTER, YEAR);
                jdbc.update("INSERT INTO used_number (number) VALUES (?)", number);
                if (fate == 0) {
                  // the node dies: PostgreSQL ends its backend and drops the transaction
                  Integer backend = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
                  admin.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, backend);
                  jdbc.queryForObject("SELECT 1", Integer.class);
                } else if (fate <= 2) {
                  throw new IllegalStateException("receipt failed");
                }
              });
              committed.incrementAndGet();
            } catch (org.springframework.dao.DuplicateKeyException twice) {
              duplicates.incrementAndGet();
            } catch (RuntimeException failed) {
              (fate == 0 ? killed : rolledBack).incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(duplicates.get()).as("numbers handed out twice").isZero();
    assertThat(killed.get()).as("connections killed").isPositive();
    assertThat(rolledBack.get()).as("transactions rolled back").isPositive();
    assertThat(committed.get() + killed.get() + rolledBack.get()).isEqualTo(240);

    // numbers given back late may still be free below a used one: the next callers take them first
    int free = jdbc.queryForObject("SELECT COUNT(*) FROM dv_number_slot", Integer.class);
    for (int i = 0; i < free; i++) {
      commitOne(numbering);
    }
    int m = committed.get() + free;
    assertThat(used()).containsExactlyElementsOf(IntStream.rangeClosed(1, m).boxed().toList());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_number_slot WHERE slot_number <= ?", Integer.class, m))
        .as("free slots below the highest used number").isZero();
  }

  @Test
  void aSecondCallerIsNumberedAndCommitsWhileTheFirstHoldsItsTransactionOpen() throws Exception {
    DocumentNumbering numbering = numbering(true);
    assertThat(commitOne(numbering)).isEqualTo(1);
    CountDownLatch took = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
        int number = numbering.next(UNIT, REGISTER, YEAR);
        jdbc.update("INSERT INTO used_number (number) VALUES (?)", number);
        took.countDown();
        await(release);
        return number;
      }));
      assertThat(took.await(1, TimeUnit.MINUTES)).isTrue();

      // the second caller's whole transaction runs while the first is still open
      int second = threads.submit(() -> commitOne(numbering)).get(1, TimeUnit.MINUTES);
      assertThat(first).isNotDone();
      assertThat(used()).containsExactly(1, 3);
      assertThat(second).isEqualTo(3);

      release.countDown();
      assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo(2);
      assertThat(used()).containsExactly(1, 2, 3);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void moreCallersThanTheMintsPoolHasConnectionsAreNumberedWhileAllHoldTheirTransactionsOpen() throws Exception {
    DocumentNumbering numbering = numbering(true);
    int callers = NumberingPool.SIZE + 2;
    CountDownLatch allNumbered = new CountDownLatch(callers);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Integer>> numbers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        numbers.add(threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
          int number = numbering.next(UNIT, REGISTER, YEAR);
          jdbc.update("INSERT INTO used_number (number) VALUES (?)", number);
          allNumbered.countDown();
          await(release);
          return number;
        })));
      }
      // a mint gives its connection back at once: no caller waits for another's transaction
      assertThat(allNumbered.await(20, TimeUnit.SECONDS)).as("every caller numbered while all hold on").isTrue();
      release.countDown();
      List<Integer> taken = new ArrayList<>();
      for (Future<Integer> f : numbers) {
        taken.add(f.get(1, TimeUnit.MINUTES));
      }
      assertThat(taken).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, callers).boxed().toList());
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void aNumberGivenBackByAFailedStartGoesToTheNextCallerAfterAHigherOne() throws Exception {
    DocumentNumbering numbering = numbering(true);
    CountDownLatch took = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      Future<?> failing = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
        assertThat(numbering.next(UNIT, REGISTER, YEAR)).isEqualTo(1);
        took.countDown();
        await(release);
        status.setRollbackOnly();
      }));
      assertThat(took.await(1, TimeUnit.MINUTES)).isTrue();
      assertThat(commitOne(numbering)).isEqualTo(2);
      release.countDown();
      failing.get(1, TimeUnit.MINUTES);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
    assertThat(commitOne(numbering)).isEqualTo(1);
    assertThat(commitOne(numbering)).isEqualTo(3);
    assertThat(used()).containsExactly(1, 2, 3);
  }

  @ParameterizedTest(name = "planner {0}")
  @ValueSource(strings = {"as configured", "nested loops only"})
  void aClaimTakesExactlyOneOfSeveralFreeSlotsWhateverPlanPostgresChooses(String planner) {
    DocumentNumbering numbering = numbering(true);
    // five numbers given back (their callers rolled back): five free slots, 1..5
    for (int i = 0; i < 5; i++) {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        numbering.next(UNIT, REGISTER, YEAR);
        status.setRollbackOnly();
      });
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_number_slot", Integer.class)).isEqualTo(5);

    int number = new TransactionTemplate(transactions).execute(status -> {
      if (planner.equals("nested loops only")) {
        // a plan that re-runs a subquery per row, as PostgreSQL may choose on a larger table
        jdbc.execute("SET LOCAL enable_hashjoin = off");
        jdbc.execute("SET LOCAL enable_mergejoin = off");
        jdbc.execute("SET LOCAL enable_material = off");
      }
      int taken = numbering.next(UNIT, REGISTER, YEAR);
      jdbc.update("INSERT INTO used_number (number) VALUES (?)", taken);
      return taken;
    });

    assertThat(number).isEqualTo(1);
    // the caller minted 6 and took 1: 2..6 are still free, none lost
    assertThat(jdbc.queryForList("SELECT slot_number FROM dv_number_slot ORDER BY slot_number", Integer.class))
        .containsExactly(2, 3, 4, 5, 6);
  }

  @Test
  void onTheStockPathTheSecondCallerWaitsForTheFirstCallersTransaction() throws Exception {
    DocumentNumbering numbering = numbering(false);
    CountDownLatch took = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
        int number = numbering.next(UNIT, REGISTER, YEAR);
        took.countDown();
        await(release);
        return number;
      }));
      assertThat(took.await(1, TimeUnit.MINUTES)).isTrue();
      AtomicInteger secondBackend = new AtomicInteger();
      Future<Integer> second = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
        secondBackend.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
        return numbering.next(UNIT, REGISTER, YEAR);
      }));
      // PostgreSQL shows the second caller waiting for the first one's row lock on the counter
      awaitLockWait(secondBackend);
      assertThat(second).isNotDone();
      release.countDown();
      assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo(1);
      assertThat(second.get(1, TimeUnit.MINUTES)).isEqualTo(2);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private void awaitLockWait(AtomicInteger backend) throws InterruptedException {
    for (int poll = 0; poll < 3000; poll++) {
      if (backend.get() != 0 && "Lock".equals(admin.queryForList("SELECT wait_event_type FROM pg_stat_activity"
          + " WHERE pid = ?", String.class, backend.get()).stream().findFirst().orElse(null))) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("The second caller never waited for a lock");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
