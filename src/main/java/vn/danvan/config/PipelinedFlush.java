package vn.danvan.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The engine's flush in one round trip to PostgreSQL instead of one per kind of statement. When
 * a command ends, Camunda writes what it changed as JDBC batches, one per statement text (the
 * inserts of each table, then the updates, then the deletes), and the driver sends each batch and
 * waits for its answer before the next: a task completion is some fifteen round trips. This
 * connection holds the batches prepared on it and, when the first one is executed, sends all of
 * them as one multi-statement text (PostgreSQL's driver sends its statements one after another,
 * with one wait at the end), then answers every {@code executeBatch} from those results, in order.
 * A batch of inserts into one table travels as one multi-row {@code INSERT}, as the driver's
 * {@code reWriteBatchedInserts} would send it.
 *
 * <p>What is written, its order and the answers the engine reads are the same: each statement's
 * row counts, by which Camunda detects a concurrent change (an update or delete that met no row).
 * The statements run inside a savepoint; when one of them fails, the savepoint is rolled back and
 * the batches are sent again one by one as the driver would have sent them, so the engine sees the
 * failure exactly where it happened (which operation, which error) and handles it as before.
 *
 * <p>Only what the engine's batch executor does takes this path: statements prepared with a plain
 * text, parameters set by index with values (no streams), {@code addBatch}, then {@code executeBatch}
 * in the order the statements were prepared. Anything else on the connection goes to the driver
 * untouched, and a batch alone on the connection is sent as usual.
 */
public final class PipelinedFlush {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PipelinedFlush.class);
  private static final String SAVEPOINT = "danvan_flush";
  /** PostgreSQL takes at most 65,535 parameters in one message; beyond this, the batches go one by one. */
  private static final int MAX_PARAMETERS = 30_000;
  /** Setters whose value can be replayed on a second statement (a stream can be read only once). */
  private static final Set<String> REPLAYABLE = Set.of("setNull", "setBoolean", "setByte", "setShort", "setInt",
      "setLong", "setFloat", "setDouble", "setBigDecimal", "setString", "setNString", "setBytes", "setDate", "setTime",
      "setTimestamp", "setObject");
  private static final Pattern VALUES = Pattern.compile(
      "(?is)^\\s*(insert\\s+into\\s+.+?\\s+values\\s*)(\\(.*\\))\\s*$");
  /** Not a plain {@code INSERT … VALUES (…)}: kept in {@link #INSERTS} as the answer for such a text. */
  private static final String[] NOT_AN_INSERT = new String[0];
  /**
   * A statement text split into its {@code INSERT … VALUES} head and its row, or {@link #NOT_AN_INSERT}:
   * the texts are the engine's and our own mapped statements, a few hundred, each matched once
   * rather than at every flush (the match scans the whole text). Beyond the bound a text is
   * matched each time and not kept.
   */
  private static final Map<String, String[]> INSERTS = new ConcurrentHashMap<>();
  private static final int MAX_INSERTS = 2_000;

  private PipelinedFlush() {
  }

  /** A data source whose connections flush their pending batches together. */
  public static DataSource wrap(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(PipelinedFlush.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = call(target, method, args);
          return result instanceof Connection connection ? wrap(connection) : result;
        });
  }

  /** {@code connection}, flushing the batches prepared on it together. */
  public static Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(PipelinedFlush.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Pipeline(connection));
  }

  /** The batches of one connection, in the order their statements were prepared. */
  private static final class Pipeline implements InvocationHandler {

    private final Connection connection;
    private final List<Batch> pending = new ArrayList<>();
    /** After a failure, until every batch then pending is executed: each is sent on its own. */
    private boolean oneByOne;

    Pipeline(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
        String sql = (String) args[0];
        PreparedStatement statement = connection.prepareStatement(sql);
        return Proxy.newProxyInstance(PipelinedFlush.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
            new Batch(this, sql, statement));
      }
      return call(connection, method, args);
    }

    void done(Batch batch) {
      pending.remove(batch);
      if (pending.isEmpty()) {
        oneByOne = false;
      }
    }

    /** Sends every pending batch in one round trip, if the oldest is being executed and there are several. */
    void executePending(Batch first) throws SQLException {
      List<Batch> together = pending.stream().filter(b -> !b.rows.isEmpty()).toList();
      if (oneByOne || together.size() < 2 || together.get(0) != first || together.stream().anyMatch(b -> !b.replayable())
          || together.stream().mapToInt(Batch::parameterCount).sum() > MAX_PARAMETERS
          || connection.getAutoCommit()) { // a savepoint needs a transaction
        return;
      }
      StringBuilder text = new StringBuilder("SAVEPOINT ").append(SAVEPOINT);
      int statements = 0;
      for (Batch batch : together) {
        String[] insert = batch.rows.size() > 1 ? insertParts(batch.sql) : NOT_AN_INSERT;
        batch.asOneInsert = insert != NOT_AN_INSERT;
        if (batch.asOneInsert) {
          text.append(";\n").append(insert[0])
              .append(String.join(", ", Collections.nCopies(batch.rows.size(), insert[1])));
          statements++;
        } else {
          for (int row = 0; row < batch.rows.size(); row++) {
            text.append(";\n").append(batch.sql);
            statements++;
          }
        }
      }
      text.append(";\nRELEASE SAVEPOINT ").append(SAVEPOINT);
      List<Integer> counts;
      try {
        counts = execute(text.toString(), together);
      } catch (SQLException failure) {
        // the state only: the message can quote the values of the row
        LOG.debug("A pipelined flush failed (SQL state {}); its batches are sent again one by one", failure.getSQLState());
        oneByOne = true;
        try (Statement undo = connection.createStatement()) {
          undo.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        }
        return; // each batch is sent on its own: the failure surfaces where it happened
      }
      // the savepoint's answer, one per statement sent, the release's
      if (counts.size() != statements + 2) {
        throw new IllegalStateException("the database answered " + counts.size() + " results to " + (statements + 2)
            + " statements of a flush; the transaction cannot go on");
      }
      int next = 1;
      for (Batch batch : together) {
        int[] answer = new int[batch.rows.size()];
        if (batch.asOneInsert) {
          Arrays.fill(answer, Statement.SUCCESS_NO_INFO); // as the driver's rewritten inserts answer
          next++;
        } else {
          for (int row = 0; row < answer.length; row++) {
            answer[row] = counts.get(next++);
          }
        }
        batch.answer = answer;
      }
    }

    /** Runs {@code text} with the rows' parameters in order; the row count of every statement in it. */
    private List<Integer> execute(String text, List<Batch> together) throws SQLException {
      List<Integer> counts = new ArrayList<>();
      try (PreparedStatement all = connection.prepareStatement(text)) {
        int offset = 0;
        for (Batch batch : together) {
          for (Map<Integer, Object[]> row : batch.rows) {
            for (Map.Entry<Integer, Object[]> parameter : row.entrySet()) {
              Object[] call = parameter.getValue();
              Object[] arguments = Arrays.copyOfRange(call, 1, call.length);
              arguments[0] = offset + parameter.getKey();
              invokeOn(all, (Method) call[0], arguments);
            }
            offset += row.size();
          }
        }
        boolean resultSet = all.execute();
        int count = all.getUpdateCount();
        while (resultSet || count != -1) {
          if (!resultSet) {
            counts.add(count);
          }
          resultSet = all.getMoreResults();
          count = all.getUpdateCount();
        }
      }
      return counts;
    }
  }

  /** One prepared statement and the rows added to its batch, each a parameter index to its setter call. */
  private static final class Batch implements InvocationHandler {

    private final Pipeline pipeline;
    private final String sql;
    private final PreparedStatement statement;
    private final List<TreeMap<Integer, Object[]>> rows = new ArrayList<>();
    private TreeMap<Integer, Object[]> current = new TreeMap<>();
    private boolean replayable = true;
    private int[] answer;
    /** Whether the pending flush sends this batch as one multi-row insert. */
    private boolean asOneInsert;
    /** The text's placeholders, counted when first needed. */
    private int placeholders = -1;

    Batch(Pipeline pipeline, String sql, PreparedStatement statement) {
      this.pipeline = pipeline;
      this.sql = sql;
      this.statement = statement;
    }

    /** Every row sets each placeholder of the text, by a setter that can be called again. */
    boolean replayable() {
      if (!replayable) {
        return false;
      }
      if (placeholders < 0) {
        placeholders = placeholders(sql);
      }
      for (TreeMap<Integer, Object[]> row : rows) {
        if (row.size() != placeholders || (placeholders > 0 && row.lastKey() != placeholders)) {
          return false;
        }
      }
      return true;
    }

    int parameterCount() {
      int count = 0;
      for (TreeMap<Integer, Object[]> row : rows) {
        count += row.size();
      }
      return count;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      // a PreparedStatement's setters by index: (int parameterIndex, value…)
      if (args != null && args.length >= 2 && args[0] instanceof Integer && name.startsWith("set")) {
        if (REPLAYABLE.contains(name)) {
          Object[] call = new Object[args.length + 1];
          call[0] = method;
          System.arraycopy(args, 0, call, 1, args.length);
          current.put((Integer) args[0], call);
        } else {
          replayable = false;
        }
        return call(statement, method, args);
      }
      switch (name) {
        case "addBatch" -> {
          if (args == null) {
            if (rows.isEmpty() && !pipeline.pending.contains(this)) {
              pipeline.pending.add(this);
            }
            rows.add(current);
            current = new TreeMap<>(current);
          } else {
            replayable = false;
          }
        }
        case "clearParameters" -> current = new TreeMap<>();
        case "clearBatch" -> {
          rows.clear();
          answer = null;
        }
        case "executeBatch", "executeLargeBatch" -> {
          return executeBatch(method, args);
        }
        case "close" -> pipeline.done(this);
        default -> {
          // any other statement method is the driver's own
        }
      }
      return call(statement, method, args);
    }

    private Object executeBatch(Method method, Object[] args) throws Throwable {
      if (answer == null) {
        pipeline.executePending(this);
      }
      int[] given = answer;
      pipeline.done(this);
      answer = null;
      rows.clear();
      if (given == null) {
        return call(statement, method, args);
      }
      statement.clearBatch();
      if (method.getName().equals("executeLargeBatch")) {
        return Arrays.stream(given).asLongStream().toArray();
      }
      return given;
    }
  }

  private static void invokeOn(PreparedStatement target, Method setter, Object[] arguments) throws SQLException {
    try {
      setter.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("parameter could not be set again", e.getCause());
    } catch (IllegalAccessException e) {
      throw new SQLException("parameter could not be set again", e);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** {@code sql}'s {@code INSERT … VALUES} head and its parenthesised row, or {@link #NOT_AN_INSERT}. */
  static String[] insertParts(String sql) {
    String[] parts = INSERTS.get(sql);
    if (parts == null) {
      Matcher values = VALUES.matcher(sql);
      parts = values.matches() ? new String[] {values.group(1), values.group(2)} : NOT_AN_INSERT;
      if (INSERTS.size() < MAX_INSERTS) {
        INSERTS.put(sql, parts);
      }
    }
    return parts;
  }

  /** How many {@code ?} placeholders {@code sql} has outside quoted literals and identifiers. */
  static int placeholders(String sql) {
    int count = 0;
    char quote = 0;
    for (char c : sql.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '?') {
        count++;
      }
    }
    return count;
  }
}
