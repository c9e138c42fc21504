package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.config.BadRequestException;
import vn.danvan.support.PostgresIntegrationTest;

/**
 * Documents on PostgreSQL: numbered without duplicates or gaps under concurrency and rollback,
 * stored with their SHA-256, signed once. Each test numbers in a year of its own, because the
 * integration tests share one database.
 */
@PostgresIntegrationTest
class DocumentServiceIT {

  @Autowired DocumentService documents;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  private DocumentRequest result(int year) {
    return DocumentRequest.of("dongha", "case-" + year, DocumentKind.RESULT, SampleDocuments.allFields())
        .issuedOn(LocalDate.of(year, 3, 9));
  }

  private List<Integer> numbers(String unit, String register, int year) {
    return jdbc.queryForList("SELECT doc_number FROM dv_document WHERE unit = ? AND register_code = ? AND doc_year = ?"
        + " ORDER BY doc_number", Integer.class, unit, register, year);
  }

  @Test
  void hundredConcurrentDocumentsAreNumberedOneToHundred() throws Exception {
    int year = 2031;
    ExecutorService pool = Executors.newFixedThreadPool(12);
    long start = System.nanoTime();
    try {
      List<Future<StoredDocument>> futures = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        futures.add(pool.submit(() -> documents.create(result(year))));
      }
      List<Integer> returned = new ArrayList<>();
      for (Future<StoredDocument> f : futures) {
        returned.add(f.get().number());
      }
      List<Integer> expected = IntStream.rangeClosed(1, 100).boxed().toList();
      assertThat(returned).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(numbers("dongha", "QĐ", year)).containsExactlyElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("BENCHMARK document.create.concurrent12 documents=100 total_ms=%d%n", (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void rolledBackDocumentLeavesNoGap() {
    int year = 2032;
    assertThat(documents.create(result(year)).number()).isEqualTo(1);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    List<String> rolledBack = new ArrayList<>();
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      StoredDocument doomed = documents.create(result(year));
      rolledBack.add(doomed.id());
      assertThat(doomed.number()).isEqualTo(2);
      throw new IllegalStateException("the process step failed after creating the document");
    })).hasMessageContaining("process step failed");

    assertThat(documents.find(rolledBack.get(0))).isEmpty();
    assertThat(documents.create(result(year)).number()).isEqualTo(2);
    assertThat(numbers("dongha", "QĐ", year)).containsExactly(1, 2);
  }

  @Test
  void missingFieldTakesNoNumber() {
    int year = 2033;
    Map<String, String> fields = new HashMap<>(SampleDocuments.allFields());
    fields.remove("decision");
    assertThatThrownBy(() -> documents.create(DocumentRequest.of("dongha", null, DocumentKind.RESULT, fields)
        .issuedOn(LocalDate.of(year, 1, 2)))).isInstanceOf(MissingDocumentFieldException.class);
    assertThat(documents.create(result(year)).number()).isEqualTo(1);
  }

  @Test
  void unitsAndRegistersHaveTheirOwnSequences() {
    int year = 2034;
    assertThat(documents.create(result(year)).numberLine()).isEqualTo("Số: 01/QĐ-UBND");
    assertThat(documents.create(DocumentRequest.of("camlo", null, DocumentKind.RESULT, SampleDocuments.allFields())
        .issuedOn(LocalDate.of(year, 5, 1))).number()).isEqualTo(1);
    StoredDocument notice = documents.create(DocumentRequest.of("dongha", null, DocumentKind.APOLOGY,
        SampleDocuments.allFields()).issuedOn(LocalDate.of(year, 5, 1)));
    assertThat(notice.numberLine()).isEqualTo("Số: 01/TB-UBND");
    assertThat(documents.create(result(year)).number()).isEqualTo(2);
  }

  @Test
  void storesTheDraftPdfWithItsHashAndTheUnitsHeader() throws IOException {
    StoredDocument created = documents.create(DocumentRequest.of("camlo", "proc-1", DocumentKind.CONDOLENCE,
        SampleDocuments.allFields()).issuedOn(LocalDate.of(2035, 2, 4)));
    assertThat(created.state()).isEqualTo(DocumentState.DRAFT);
    assertThat(created.title()).isEqualTo("THƯ CHIA BUỒN");
    assertThat(documents.find(created.id())).contains(created);
    assertThat(documents.findByCase("proc-1")).containsExactly(created);

    byte[] pdf = documents.content(created.id()).orElseThrow();
    assertThat(DocumentService.sha256(pdf)).isEqualTo(created.sha256()).hasSize(64);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("UBND TỈNH QUẢNG TRỊ").contains("UBND XÃ CAM LỘ").contains("Số: 01/TH-UBND")
          .contains("Cam Lộ, ngày 04 tháng 02 năm 2035")
          .contains("Thay mặt Ủy ban nhân dân xã Cam Lộ, tôi xin gửi tới");
    }
  }

  /**
   * The PDFs are compressed already: PostgreSQL stores them as they are instead of trying to
   * compress them again (V18). Shown with content that would compress to almost nothing, written
   * in a transaction that is rolled back.
   */
  @Test
  void documentContentIsStoredWithoutCompression() {
    assertThat(jdbc.queryForObject("SELECT attstorage FROM pg_attribute WHERE attrelid = 'dv_document'::regclass"
        + " AND attname = 'content'", String.class)).isEqualTo("e");
    StoredDocument created = documents.create(result(2041));
    TransactionTemplate rolledBack = new TransactionTemplate(transactions);
    Integer stored = rolledBack.execute(status -> {
      status.setRollbackOnly();
      jdbc.update("UPDATE dv_document SET content = decode(repeat('25', 200000), 'hex') WHERE id = ?", created.id());
      return jdbc.queryForObject("SELECT pg_column_size(content) FROM dv_document WHERE id = ?", Integer.class,
          created.id());
    });
    assertThat(stored).as("200,000 equal bytes stored as they are").isGreaterThanOrEqualTo(200_000);
    assertThat(documents.content(created.id()).orElseThrow()).hasSizeLessThan(200_000);
  }

  @Test
  void unknownUnitIsRefused() {
    assertThatThrownBy(() -> documents.create(DocumentRequest.of("atlantis", null, DocumentKind.RESULT,
        SampleDocuments.allFields()))).isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.field()).isEqualTo("unit"));
  }

  @Test
  void markSignedReplacesContentOnceAndIsSafeToRepeat() {
    StoredDocument draft = documents.create(result(2036));
    byte[] signedPdf = (new String(documents.content(draft.id()).orElseThrow(), java.nio.charset.StandardCharsets.ISO_8859_1)
        + "\n% signature appended\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    StoredDocument signed = documents.markSigned(draft.id(), signedPdf);
    assertThat(signed.state()).isEqualTo(DocumentState.SIGNED);
    assertThat(signed.sha256()).isEqualTo(DocumentService.sha256(signedPdf)).isNotEqualTo(draft.sha256());
    assertThat(signed.signedAt()).isNotNull();
    assertThat(signed.number()).isEqualTo(draft.number());
    assertThat(documents.content(draft.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf));
    assertThat(documents.find(draft.id())).contains(signed);

    // A re-run signing step: nothing changes, whatever it passes.
    byte[] other = "%PDF-1.7 another signature".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(documents.markSigned(draft.id(), other)).isEqualTo(signed);
    assertThat(documents.content(draft.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf));
  }

  @Test
  void markSignedRefusesWhatIsNotAPdfAndUnknownIds() {
    StoredDocument draft = documents.create(result(2037));
    assertThatThrownBy(() -> documents.markSigned(draft.id(), new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(documents.find(draft.id()).orElseThrow().state()).isEqualTo(DocumentState.DRAFT);
    assertThatThrownBy(() -> documents.markSigned("no-such-id", "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] withSignatureAppended(byte[] pdf) {
    return (new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1) + "\n% signature appended\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The state of the row in the table as this transaction sees it, or "none". */
  private String stateInTable(String id) {
    return jdbc.queryForList("SELECT state FROM dv_document WHERE id = ?", String.class, id).stream().findFirst()
        .orElse("none");
  }

  @Test
  void documentDrawnUpAndSignedInOneTransactionIsInsertedOnceSigned() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    String[] atCommit = new String[1];
    byte[][] signedPdf = new byte[1][];
    StoredDocument signed = tx.execute(status -> {
      StoredDocument draft = documents.create(result(2038));
      // held with the transaction, which reads it from there: not in the table yet
      assertThat(stateInTable(draft.id())).isEqualTo("none");
      assertThat(documents.find(draft.id())).contains(draft);
      signedPdf[0] = withSignatureAppended(documents.content(draft.id()).orElseThrow());
      StoredDocument result = documents.markSigned(draft.id(), signedPdf[0]);
      assertThat(documents.content(draft.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf[0]));
      assertThat(stateInTable(draft.id())).as("signed, still not in the table").isEqualTo("none");
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          atCommit[0] = stateInTable(draft.id());
        }

        @Override
        public int getOrder() {
          return LOWEST_PRECEDENCE; // after the held rows were inserted
        }
      });
      return result;
    });

    assertThat(atCommit[0]).as("inserted at the commit, signed").isEqualTo("SIGNED");
    StoredDocument stored = documents.find(signed.id()).orElseThrow();
    assertThat(stored.state()).isEqualTo(DocumentState.SIGNED);
    assertThat(stored.sha256()).isEqualTo(DocumentService.sha256(signedPdf[0]));
    assertThat(stored.number()).isEqualTo(1);
    assertThat(documents.content(signed.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(signedPdf[0]));
  }

  @Test
  void documentsOfACaseListedInTheirTransactionIncludeThoseNotInsertedYet() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    String id = tx.execute(status -> {
      StoredDocument draft = documents.create(result(2039));
      assertThat(documents.findByCase("case-2039")).extracting(StoredDocument::id).containsExactly(draft.id());
      assertThat(stateInTable(draft.id())).as("listed, hence inserted").isEqualTo("DRAFT");
      documents.markSigned(draft.id(), withSignatureAppended(documents.content(draft.id()).orElseThrow()));
      assertThat(stateInTable(draft.id())).as("the signature updates the row").isEqualTo("SIGNED");
      return draft.id();
    });
    assertThat(documents.find(id).orElseThrow().state()).isEqualTo(DocumentState.SIGNED);
  }
}
