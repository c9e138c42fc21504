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
import vn.danvan.config.TransactionReads;

/**
 * SQL of the {@code dv_document} table. A document this transaction created or signed is kept with
 * it, row and content ({@link TransactionReads}): the asynchronous step that draws up a result and
 * signs it reads neither back. A lock always reads the row.
 */
@Repository
class DocumentRepository {

  private static final String COLUMNS = "id, unit, case_ref, kind, register_code, doc_number, symbol, doc_year, title,"
      + " state, sha256, created_at, updated_at, signed_at";

  private static final RowMapper<StoredDocument> ROW = DocumentRepository::row;

  private final JdbcTemplate jdbc;
  private final TransactionReads<StoredDocument> rows;
  private final TransactionReads<Content> contents;

  DocumentRepository(JdbcTemplate jdbc, @Value(TransactionReads.SETTING) boolean transactionReads) {
    this.jdbc = jdbc;
    this.rows = new TransactionReads<>(transactionReads, StoredDocument::id);
    this.contents = new TransactionReads<>(transactionReads, Content::id);
  }

  /** A document's PDF bytes, kept under its id. */
  private record Content(String id, byte[] bytes) {}

  void insert(StoredDocument d, byte[] content) {
    jdbc.update("INSERT INTO dv_document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        d.id(), d.unit(), d.caseRef(), d.kind().name(), d.register(), d.number(), d.symbol(), d.year(), d.title(),
        d.state().name(), d.sha256(), time(d.createdAt()), time(d.updatedAt()), time(d.signedAt()), content);
    written(d, content);
  }

  /** What this transaction wrote is exactly {@code d} and {@code content} (times in milliseconds, as stored). */
  private void written(StoredDocument d, byte[] content) {
    rows.written(d);
    contents.written(new Content(d.id(), content));
  }

  Optional<StoredDocument> find(String id) {
    return rows.get(id, () -> jdbc.query("SELECT " + COLUMNS + " FROM dv_document WHERE id = ?", ROW, id));
  }

  /** The document, its row locked until the transaction ends. */
  Optional<StoredDocument> findForUpdate(String id) {
    rows.forget(id);
    return jdbc.query("SELECT " + COLUMNS + " FROM dv_document WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst();
  }

  List<StoredDocument> findByCase(String caseRef) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dv_document WHERE case_ref = ? ORDER BY created_at, id", ROW, caseRef);
  }

  Optional<byte[]> content(String id) {
    return contents.get(id, () -> jdbc.query("SELECT id, content FROM dv_document WHERE id = ?",
        (rs, i) -> new Content(rs.getString(1), rs.getBytes(2)), id)).map(Content::bytes);
  }

  void updateSigned(StoredDocument d, byte[] content) {
    jdbc.update("UPDATE dv_document SET content = ?, sha256 = ?, state = ?, updated_at = ?, signed_at = ? WHERE id = ?",
        content, d.sha256(), d.state().name(), time(d.updatedAt()), time(d.signedAt()), d.id());
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
