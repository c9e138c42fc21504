package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@link PipelinedFlush} reads a statement's text: its placeholders and its insert's parts. */
class PipelinedFlushTest {

  @Test
  void anInsertIsSplitIntoItsHeadAndItsRowOnceForEachText() {
    String sql = "insert into ACT_RU_VARIABLE ( ID_, NAME_ )\n  values (\n ?, ? )\n";

    String[] parts = PipelinedFlush.insertParts(sql);

    assertThat(parts).containsExactly("insert into ACT_RU_VARIABLE ( ID_, NAME_ )\n  values ", "(\n ?, ? )");
    // the same text is not matched again: the answer kept for it is the same array
    assertThat(PipelinedFlush.insertParts(new String(sql.toCharArray()))).isSameAs(parts);
  }

  @Test
  void anythingButAPlainInsertHasNoParts() {
    assertThat(PipelinedFlush.insertParts("update ACT_RU_TASK set REV_ = ? where ID_ = ?")).isEmpty();
    assertThat(PipelinedFlush.insertParts("delete from ACT_RU_VARIABLE where ID_ = ? and REV_ = ?")).isEmpty();
    assertThat(PipelinedFlush.insertParts("insert into dv_trail (id) select ? where not exists (select 1)")).isEmpty();
    assertThat(PipelinedFlush.insertParts("INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING")).isEmpty();
  }

  @Test
  void placeholdersInLiteralsAndQuotedNamesDoNotCount() {
    assertThat(PipelinedFlush.placeholders("select ? from t where a = '?' and \"b?\" = ?")).isEqualTo(2);
    assertThat(PipelinedFlush.placeholders("delete from t")).isZero();
  }
}
