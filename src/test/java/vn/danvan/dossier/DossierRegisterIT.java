package vn.danvan.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * The register keeps a dossier's row for the rest of the transaction that read it, on PostgreSQL:
 * read again there it is not asked for, a write of the register makes it read afresh, and a new
 * transaction (or a read outside any) always asks the database.
 */
@PostgresIntegrationTest
class DossierRegisterIT {

  private static final String CODE = "PROBE-REGISTER-0001";

  @Autowired DossierRegister register;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void removeProbe() {
    jdbc.update("DELETE FROM dv_dossier WHERE code = ?", CODE);
  }

  private void insertProbe() {
    register.insert(new Dossier(CODE, "dongha", "probe", "counter", "probe-instance", "0000", DossierState.RECEIVED,
        Instant.parse("2026-12-01T02:00:00Z"), null, null, false, null, null, null, null, null, null));
  }

  /** A change by another transaction, committed at once (as another request would). */
  private void changeElsewhere(DossierState state) {
    TransactionTemplate other = new TransactionTemplate(transactions);
    other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    other.executeWithoutResult(s -> jdbc.update("UPDATE dv_dossier SET state = ? WHERE code = ?", state.name(), CODE));
  }

  @Test
  void aTransactionReadsTheRowOnceUntilItWritesIt() {
    insertProbe();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(register.find(CODE).orElseThrow().state()).isEqualTo(DossierState.RECEIVED);
      changeElsewhere(DossierState.IN_PROGRESS);
      assertThat(register.find(CODE).orElseThrow().state()).as("kept: not read again").isEqualTo(DossierState.RECEIVED);
      assertThat(register.findByProcessInstance("probe-instance").orElseThrow().state()).as("by its instance too")
          .isEqualTo(DossierState.RECEIVED);

      register.appointmentMoved(CODE, Instant.parse("2026-12-10T02:00:00Z"));
      Dossier after = register.find(CODE).orElseThrow();
      assertThat(after.appointmentAt()).as("its own write is read").isEqualTo(Instant.parse("2026-12-10T02:00:00Z"));
      assertThat(after.appointmentMoved()).isTrue();
      assertThat(after.state()).as("the row the write answered with, not the kept row changed")
          .isEqualTo(DossierState.IN_PROGRESS);
    });
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        assertThat(register.find(CODE).orElseThrow().appointmentAt()).isEqualTo(Instant.parse("2026-12-10T02:00:00Z")));
  }

  @Test
  void aTransactionStartedWithinAnotherSeesNoneOfItsRows() {
    insertProbe();
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      register.receiptIssued(CODE, Instant.parse("2026-12-10T02:00:00Z"));
      assertThat(register.find(CODE).orElseThrow().appointmentAt()).as("kept: the outer's uncommitted write").isNotNull();
      inner.executeWithoutResult(s ->
          assertThat(register.find(CODE).orElseThrow().appointmentAt()).as("the inner reads what is committed").isNull());
      assertThat(register.find(CODE).orElseThrow().appointmentAt()).as("the inner's read did not replace the outer's")
          .isNotNull();
      status.setRollbackOnly();
    });
    assertThat(register.find(CODE).orElseThrow().appointmentAt()).as("rolled back").isNull();
  }

  @Test
  void outsideATransactionEveryReadAsks() {
    insertProbe();
    assertThat(register.find(CODE).orElseThrow().state()).isEqualTo(DossierState.RECEIVED);
    changeElsewhere(DossierState.IN_PROGRESS);
    assertThat(register.find(CODE).orElseThrow().state()).isEqualTo(DossierState.IN_PROGRESS);
  }

  @Test
  void aNewTransactionAsksAgain() {
    insertProbe();
    new TransactionTemplate(transactions).executeWithoutResult(s -> register.find(CODE).orElseThrow());
    changeElsewhere(DossierState.IN_PROGRESS);
    new TransactionTemplate(transactions).executeWithoutResult(s ->
        assertThat(register.find(CODE).orElseThrow().state()).isEqualTo(DossierState.IN_PROGRESS));
  }
}
