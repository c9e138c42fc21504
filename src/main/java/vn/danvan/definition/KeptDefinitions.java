package vn.danvan.definition;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import vn.danvan.config.KeptBriefly;

/**
 * The rows of one kind of definition (process or job) kept on this node, and how a command is
 * handed one: as an entity of its own, registered in the command's entity cache exactly as if the
 * engine had read it, so that the engine's dirty checking writes any change it makes.
 *
 * <p>A change through this node forgets the kept rows when it is made and again when its
 * transaction ends ({@link KeptBriefly#written}): a bulk update or deletion (the managers call
 * {@link #written}), and a change to an entity handed out, which is seen when the command closes,
 * before the engine writes it. A change made on another node counts here within the time to live.
 *
 * @param <E> the engine's entity
 * @param <R> its row
 */
final class KeptDefinitions<E extends DbEntity, R> {

  private final Class<E> type;
  private final KeptBriefly<R> rows;
  private final Function<E, R> rowOf;
  private final Function<R, E> entityOf;

  KeptDefinitions(Class<E> type, KeptBriefly<R> rows, Function<E, R> rowOf, Function<R, E> entityOf) {
    this.type = type;
    this.rows = rows;
    this.rowOf = rowOf;
    this.entityOf = entityOf;
  }

  /** A bulk change or a deletion is being written: forget now, and again when its transaction ends. */
  void written() {
    rows.written();
  }

  /** What one command was handed, to notice a change it makes. One per engine manager, i.e. per command. */
  InCommand inCommand() {
    return new InCommand();
  }

  final class InCommand implements CommandContextListener {

    private final Map<E, R> handedOut = new IdentityHashMap<>();

    /**
     * The definition with this id: the command's own entity if it has one, else one built from the
     * kept row, else the one {@code fromDatabase} reads (whose row is then kept).
     */
    E find(String id, Function<String, E> fromDatabase) {
      DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
      E own = entities.getCachedEntity(type, id);
      if (own != null) {
        return own;
      }
      R row = rows.get(id, () -> {
        E read = fromDatabase.apply(id);
        return read == null ? null : rowOf.apply(read);
      }, Objects::nonNull);
      if (row == null) {
        return null;
      }
      E entity = entities.getCachedEntity(type, id);
      if (entity == null) {
        entity = entityOf.apply(row);
        entities.getDbEntityCache().putPersistent(entity);
      }
      watch(entity, row);
      return entity;
    }

    /** {@code row}: the entity as it was handed out (read just now, or built from the row). */
    private void watch(E entity, R row) {
      if (handedOut.isEmpty()) {
        Context.getCommandContext().registerCommandContextListener(this);
      }
      handedOut.put(entity, row);
    }

    /** Runs before the engine writes the command's changes: a changed entity will be written. */
    @Override
    public void onCommandContextClose(CommandContext commandContext) {
      for (Map.Entry<E, R> out : handedOut.entrySet()) {
        if (!rowOf.apply(out.getKey()).equals(out.getValue())) {
          rows.written();
          return;
        }
      }
    }

    @Override
    public void onCommandFailed(CommandContext commandContext, Throwable t) {
      // nothing is written
    }
  }
}
