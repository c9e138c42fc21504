package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migrations and the document SQL on H2 in its default mode, the database of a plain
 * {@code ./mvnw spring-boot:run} (PostgreSQL is covered by the integration tests).
 */
class DocumentStorageH2Test {

  private JdbcTemplate jdbc;
  private TransactionTemplate tx;
  private DataSourceTransactionManager transactions;
  private NumberingPool pool;
  private DocumentNumbering numbering;
  private DocumentRepository repository;

  @BeforeEach
  void migrate() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:documents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("dv_schema_history").load().migrate();
    transactions = new DataSourceTransactionManager(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    tx = new TransactionTemplate(transactions);
    pool = new NumberingPool(dataSource);
    numbering = new DocumentNumbering(jdbc, transactions, pool, true);
    repository = new DocumentRepository(jdbc, true, true);
  }

  private int next(String unit, String register, int year) {
    return tx.execute(status -> numbering.next(unit, register, year));
  }

  @Test
  void numbersRunFromOnePerUnitRegisterAndYear() {
    assertThat(List.of(next("dongha", "QĐ", 2026), next("dongha", "QĐ", 2026), next("dongha", "QĐ", 2026)))
        .containsExactly(1, 2, 3);
    assertThat(next("dongha", "TB", 2026)).isEqualTo(1);
    assertThat(next("camlo", "QĐ", 2026)).isEqualTo(1);
    assertThat(next("dongha", "QĐ", 2027)).isEqualTo(1);
    assertThat(next("dongha", "QĐ", 2026)).isEqualTo(4);
  }

  @Test
  void rolledBackTransactionGivesItsNumberBack() {
    assertThat(next("dongha", "QĐ", 2026)).isEqualTo(1);
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      assertThat(numbering.next("dongha", "QĐ", 2026)).isEqualTo(2);
      throw new IllegalStateException("rendering failed");
    })).hasMessage("rendering failed");
    assertThat(next("dongha", "QĐ", 2026)).isEqualTo(2);
  }

  @Test
  void firstNumberOfARegisterRolledBackLeavesNoGapEither() {
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      numbering.next("camlo", "BB", 2026);
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(next("camlo", "BB", 2026)).isEqualTo(1);
  }

  @Test
  void aNumberGivenBackGoesToTheNextCallerWhileAHigherOneIsInUse() {
    assertThat(next("dongha", "QĐ", 2026)).isEqualTo(1);
    TransactionTemplate outer = new TransactionTemplate(transactions);
    int[] taken = new int[2];
    assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
      taken[0] = numbering.next("dongha", "QĐ", 2026);
      // a second caller, in a transaction of its own, while the first still holds its number
      TransactionTemplate other = new TransactionTemplate(transactions);
      other.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
      taken[1] = other.execute(s -> numbering.next("dongha", "QĐ", 2026));
      throw new IllegalStateException("receipt failed");
    })).hasMessage("receipt failed");
    assertThat(taken).containsExactly(2, 3);
    assertThat(next("dongha", "QĐ", 2026)).isEqualTo(2);
    assertThat(next("dongha", "QĐ", 2026)).isEqualTo(4);
  }

  @Test
  void theStockPathNumbersInTheCallersTransactionWithTheSameResult() {
    numbering = new DocumentNumbering(jdbc, transactions, pool, false);
    assertThat(List.of(next("dongha", "QĐ", 2026), next("dongha", "QĐ", 2026))).containsExactly(1, 2);
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      assertThat(numbering.next("dongha", "QĐ", 2026)).isEqualTo(3);
      throw new IllegalStateException("rendering failed");
    })).hasMessage("rendering failed");
    assertThat(next("dongha", "QĐ", 2026)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dv_number_slot", Integer.class)).isZero();
  }

  @Test
  void concurrentCallersGetDistinctConsecutiveNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        futures.add(pool.submit(() -> next("dongha", "GTN", 2026)));
      }
      List<Integer> numbers = new ArrayList<>();
      for (Future<Integer> f : futures) {
        numbers.add(f.get());
      }
      Collections.sort(numbers);
      assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void storesAndReadsBackADocumentWithItsContent() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] content = "%PDF-1.7 Vietnamese bytes: Đông Hà".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), "dongha", "case-1", DocumentKind.RESULT,
        "QĐ", 7, "QĐ-UBND", 2026, "QUYẾT ĐỊNH", DocumentState.DRAFT, DocumentService.sha256(content), now, now, null);
    tx.executeWithoutResult(status -> repository.insert(document, content));

    assertThat(repository.find(document.id())).contains(document);
    assertThat(repository.content(document.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(content));
    assertThat(repository.findByCase("case-1")).containsExactly(document);
    java.util.Optional<StoredDocument> locked = tx.execute(status -> repository.findForUpdate(document.id()));
    assertThat(locked).contains(document);
  }

  /** The application's template, recording the SQL of its queries (and of its updates too, if {@code updates}). */
  private JdbcTemplate recording(List<String> sent, boolean updates) {
    return new JdbcTemplate(jdbc.getDataSource()) {
      @Override
      public <T> List<T> query(String sql, org.springframework.jdbc.core.RowMapper<T> mapper, Object... args) {
        sent.add(sql);
        return super.query(sql, mapper, args);
      }

      @Override
      public int update(String sql, Object... args) {
        if (updates) {
          sent.add(sql);
        }
        return super.update(sql, args);
      }
    };
  }

  @Test
  void aDocumentThisTransactionWroteIsNotReadBackButALockReadsIt() {
    // inserted at once (the held insert off): the lock is a statement
    List<String> queries = new ArrayList<>();
    DocumentRepository kept = new DocumentRepository(recording(queries, false), true, false);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] draft = {'%', 'P', 'D', 'F', 1};
    byte[] signedPdf = {'%', 'P', 'D', 'F', 2};
    StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), "dongha", "case-2", DocumentKind.RESULT,
        "QĐ", 8, "QĐ-UBND", 2026, "QUYẾT ĐỊNH", DocumentState.DRAFT, DocumentService.sha256(draft), now, now, null);
    tx.executeWithoutResult(status -> {
      kept.insert(document, draft);
      assertThat(kept.find(document.id())).contains(document);
      assertThat(kept.content(document.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(draft));
      assertThat(queries).as("what this transaction wrote is not read back").isEmpty();
      StoredDocument locked = kept.findForUpdate(document.id()).orElseThrow();
      assertThat(queries).as("a lock reads the row").hasSize(1);
      StoredDocument signed = locked.signed(DocumentService.sha256(signedPdf), now.plusSeconds(1));
      kept.updateSigned(signed, signedPdf);
      assertThat(kept.find(document.id())).contains(signed);
      assertThat(kept.content(document.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf));
      assertThat(queries).hasSize(1);
    });
    assertThat(kept.find(document.id())).as("outside the transaction: read, and as kept").contains(
        document.signed(DocumentService.sha256(signedPdf), now.plusSeconds(1)));
    assertThat(kept.content(document.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf));
    assertThat(queries).hasSize(3);
  }

  @Test
  void aDocumentCreatedAndSignedInOneTransactionIsInsertedOnceSignedWithoutALockStatement() {
    List<String> statements = new ArrayList<>();
    DocumentRepository held = new DocumentRepository(recording(statements, true), true, true);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] draft = {'%', 'P', 'D', 'F', 1};
    byte[] signedPdf = {'%', 'P', 'D', 'F', 2};
    StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), "dongha", "case-3", DocumentKind.RESULT,
        "QĐ", 9, "QĐ-UBND", 2026, "QUYẾT ĐỊNH", DocumentState.DRAFT, DocumentService.sha256(draft), now, now, null);
    StoredDocument signed = document.signed(DocumentService.sha256(signedPdf), now.plusSeconds(1));
    tx.executeWithoutResult(status -> {
      held.insert(document, draft);
      assertThat(held.findForUpdate(document.id())).as("its own, not in the table yet").contains(document);
      held.updateSigned(signed, signedPdf);
      assertThat(held.find(document.id())).contains(signed);
      assertThat(held.content(document.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf));
      assertThat(statements).as("nothing sent before the commit").isEmpty();
    });
    assertThat(statements).hasSize(1).allSatisfy(sql -> assertThat(sql).startsWith("INSERT INTO dv_document"));
    assertThat(repository.find(document.id())).contains(signed);
    assertThat(repository.content(document.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf));

    tx.executeWithoutResult(status -> {
      held.insert(new StoredDocument(UUID.randomUUID().toString(), "dongha", "case-3", DocumentKind.RESULT, "QĐ", 10,
          "QĐ-UBND", 2026, "QUYẾT ĐỊNH", DocumentState.DRAFT, DocumentService.sha256(draft), now, now, null), draft);
      status.setRollbackOnly();
    });
    assertThat(repository.findByCase("case-3")).as("a rollback inserts nothing").containsExactly(signed);
  }

  @Test
  void theSameNumberCannotBeStoredTwice() {
    Instant now = Instant.now();
    byte[] content = {1};
    StoredDocument first = new StoredDocument(UUID.randomUUID().toString(), "dongha", null, DocumentKind.RESULT,
        "QĐ", 1, "QĐ-UBND", 2026, "QUYẾT ĐỊNH", DocumentState.DRAFT, DocumentService.sha256(content), now, now, null);
    repository.insert(first, content);
    StoredDocument duplicate = new StoredDocument(UUID.randomUUID().toString(), "dongha", null, DocumentKind.RESULT,
        "QĐ", 1, "QĐ-UBND", 2026, "QUYẾT ĐỊNH", DocumentState.DRAFT, DocumentService.sha256(content), now, now, null);
    assertThatThrownBy(() -> repository.insert(duplicate, content))
        .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
  }
}
