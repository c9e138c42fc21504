package vn.danvan.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import vn.danvan.config.TransactionInserts;
import vn.danvan.config.TransactionReads;
import vn.danvan.config.TransactionWrites;

/**
 * SQL of the {@code dv_document} table. A document this transaction created or signed is kept with
 * it, row and content ({@link TransactionReads}): the asynchronous step that draws up a result and
 * signs it reads neither back. A document is inserted when its transaction commits, in its last
 * version ({@link TransactionWrites}): that step writes the signed result once instead of the
 * draft and then the signed PDF. A lock reads the row, except of a document not yet inserted,
 * which no other transaction can see.
 */
@Repository
class DocumentRepository {

  private static final String COLUMNS = "id, unit, case_ref, kind, register_code, doc_number, symbol, doc_year, title,"
      + " state, sha256, created_at, updated_at, signed_at";

  private static final RowMapper<StoredDocument> ROW = DocumentRepository::row;

  private final JdbcTemplate jdbc;
  private final TransactionReads<StoredDocument> rows;
  private final TransactionReads<Content> contents;
  private final TransactionWrites<Unwritten> unwritten;

  DocumentRepository(JdbcTemplate jdbc, @Value(TransactionReads.SETTING) boolean transactionReads,
      @Value(TransactionInserts.SETTING) boolean transactionWrites) {
    this.jdbc = jdbc;
    this.rows = new TransactionReads<>(transactionReads, StoredDocument::id);
    this.contents = new TransactionReads<>(transactionReads, Content::id);
    this.unwritten = new TransactionWrites<>(transactionWrites, u -> u.row().id(), this::insertNow);
  }

  /** A document's PDF bytes, kept under its id. */
  private record Content(String id, byte[] bytes) {}

  /** A document created in this transaction and not inserted yet, with its PDF. */
  private record Unwritten(StoredDocument row, byte[] content) {}

  void insert(StoredDocument d, byte[] content) {
    unwritten.insert(new Unwritten(d, content));
    written(d, content);
  }

  private void insertNow(List<Unwritten> documents) {
    List<Object[]> values = documents.stream().map(u -> {
      StoredDocument d = u.row();
      return new Object[] {d.id(), d.unit(), d.caseRef(), d.kind().name(), d.register(), d.number(), d.symbol(),
          d.year(), d.title(), d.state().name(), d.sha256(), time(d.createdAt()), time(d.updatedAt()),
          time(d.signedAt()), u.content()};
    }).toList();
    String insert = "INSERT INTO dv_document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    if (values.size() == 1) {
      jdbc.update(insert, values.get(0));
    } else {
      jdbc.batchUpdate(insert, values);
    }
  }

  /** What this transaction wrote is exactly {@code d} and {@code content} (times in milliseconds, as stored). */
  private void written(StoredDocument d, byte[] content) {
    rows.written(d);
    contents.written(new Content(d.id(), content));
  }

  Optional<StoredDocument> find(String id) {
    return unwritten.held(id).map(Unwritten::row)
        .or(() -> rows.get(id, () -> jdbc.query("SELECT " + COLUMNS + " FROM dv_document WHERE id = ?", ROW, id)));
  }

  /**
   * The document, its row locked until the transaction ends; one this transaction created and has
   * not inserted yet is its own already.
   */
  Optional<StoredDocument> findForUpdate(String id) {
    return unwritten.held(id).map(Unwritten::row).or(() -> {
      rows.forget(id);
      return jdbc.query("SELECT " + COLUMNS + " FROM dv_document WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst();
    });
  }

  List<StoredDocument> findByCase(String caseRef) {
    unwritten.flush();
    return jdbc.query("SELECT " + COLUMNS + " FROM dv_document WHERE case_ref = ? ORDER BY created_at, id", ROW, caseRef);
  }

  Optional<byte[]> content(String id) {
    return unwritten.held(id).map(Unwritten::content).or(() -> contents.get(id, () -> jdbc.query(
        "SELECT id, content FROM dv_document WHERE id = ?", (rs, i) -> new Content(rs.getString(1), rs.getBytes(2)), id))
        .map(Content::bytes));
  }

  /** The signed version: replaces a document not inserted yet, else updates its row. */
  void updateSigned(StoredDocument d, byte[] content) {
    if (!unwritten.replace(new Unwritten(d, content))) {
      jdbc.update("UPDATE dv_document SET content = ?, sha256 = ?, state = ?, updated_at = ?, signed_at = ? WHERE id = ?",
          content, d.sha256(), d.state().name(), time(d.updatedAt()), time(d.signedAt()), d.id());
    }
    written(d, content);
  }

  private static StoredDocument row(ResultSet rs, int i) throws SQLException {
    return new StoredDocument(rs.getString("id"), rs.getString("unit"), rs.getString("case_ref"),
        DocumentKind.of(rs.getString("kind")), rs.getString("register_code"), rs.getInt("doc_number"),
        rs.getString("symbol"), rs.getInt("doc_year"), rs.getString("title"), DocumentState.valueOf(rs.getString("state")),
        rs.getString("sha256"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "signed_at"));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
