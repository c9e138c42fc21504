package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The rewriting of database errors: engine code, classes and SQLState stay, statements and values go. */
class DatabaseErrorTextTest {

  private static final String ID_NUMBER = "079203001234";

  /** The chain the engine builds when PostgreSQL refuses a batch (messages as the driver writes them with details on). */
  private static ProcessEngineException refusedBatch() {
    SQLException server = new SQLException("ERROR: value too long for type character varying(255)", "22001");
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into ACT_RU_VARIABLE (ID_, NAME_, TEXT_) "
        + "values (('1'), ('idNumber'), ('" + ID_NUMBER + "')) was aborted: ERROR: value too long for type character "
        + "varying(255)  Call getNextException to see other errors in the batch.", "22001", new int[0], server);
    return new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations with message '"
        + "### Error flushing statements. Cause: " + batch.getMessage() + "'. Flush summary: [ INSERT VariableInstanceEntity"
        + "[name=idNumber, textValue=" + ID_NUMBER + "] ]", batch);
  }

  @Test
  void everyMessageOfTheChainKeepsItsCodeAndReasonWithoutTheValue() {
    ProcessEngineException error = refusedBatch();
    String summary = DatabaseErrorText.summary(error);

    assertThat(DatabaseErrorText.isDatabaseError(error)).isTrue();
    assertThat(summary).isEqualTo("SQLState 22001: value too long for type character varying(255)");
    for (Throwable t : DatabaseErrorText.chain(error)) {
      assertThat(DatabaseErrorText.throwableMessage(t, summary)).doesNotContain(ID_NUMBER).contains("22001");
    }
    assertThat(DatabaseErrorText.throwableMessage(error, summary))
        .startsWith("ENGINE-03083 Exception while executing Batch Database Operations [SQLState 22001");
  }

  @Test
  void aStackTracePrintedIntoAMessageKeepsFramesAndLosesValues() {
    String text = "ENGINE-REST-HTTP500 org.camunda.bpm.engine.ProcessEngineException: ENGINE-03083 Exception with message '"
        + "### Error ... values (('" + ID_NUMBER + "'))\n### SQL: insert into ...\n"
        + "\tat org.camunda.bpm.engine.impl.db.EnginePersistenceLogger.flushDbOperationException(EnginePersistenceLogger.java:133)\n"
        + "Caused by: java.sql.BatchUpdateException: Batch entry 0 insert ... ('" + ID_NUMBER + "') was aborted: ERROR: value "
        + "too long for type character varying(255)\n\t... 91 more";
    String rewritten = DatabaseErrorText.text(text, null);

    assertThat(rewritten).doesNotContain(ID_NUMBER).doesNotContain("### SQL")
        .contains("EnginePersistenceLogger.java:133").contains("Caused by: java.sql.BatchUpdateException")
        .contains("value too long for type character varying(255)").contains("... 91 more");
  }

  @Test
  void quotedValuesInTheDatabasesReasonAreRemoved() {
    assertThat(DatabaseErrorText.reason("ERROR: duplicate key value violates unique constraint \"dv_x\"  Detail: Key (id)=(" + ID_NUMBER + ") already exists."))
        .isEqualTo("duplicate key value violates unique constraint \"…\"");
    assertThat(DatabaseErrorText.reason("ERROR: invalid input syntax for type integer: \"" + ID_NUMBER + "\""))
        .doesNotContain(ID_NUMBER).startsWith("invalid input syntax for type integer");
  }

  @Test
  void otherErrorsAreLeftAlone() {
    assertThat(DatabaseErrorText.isDatabaseError(new ProcessEngineException("ENGINE-13034 Cannot work on task"))).isFalse();
    assertThat(DatabaseErrorText.looksLikeDatabaseError("Created administrator account 'admin'")).isFalse();
  }
}
