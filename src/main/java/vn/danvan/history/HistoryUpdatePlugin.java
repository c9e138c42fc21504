package vn.danvan.history;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history writer without a read whose answer is never used. Before it updates a task's
 * or an activity's history row that an earlier command wrote, Camunda reads the row's start time, to
 * work out the duration. Only the update that records the end writes a duration; the others (a
 * claim, a reassignment, a new assignee on the activity) write neither the start time nor the
 * duration, so their read is a wasted round trip: two per claim, six per dossier.
 *
 * <p>This writer still reads the start time for every update that records an end, and for every
 * other kind of history row (process instances included), exactly as Camunda does. Every row is
 * written as before. {@code danvan.performance.history-update-lookup=always}: Camunda's own writer
 * (the stock run).
 *
 * <p>Internal API: the history event handler is set only on {@code ProcessEngineConfigurationImpl},
 * and the read is inside a protected method of Camunda's handler. Set after the engine's own
 * initialisation, so that handlers other plugins registered still run, before this one as in
 * Camunda's composite.
 */
@Component
class HistoryUpdatePlugin extends AbstractProcessEnginePlugin {

  private final boolean endsOnly;

  HistoryUpdatePlugin(@Value("${danvan.performance.history-update-lookup:ends-only}") String lookup) {
    this.endsOnly = switch (lookup.strip()) {
      case "ends-only" -> true;
      case "always" -> false;
      default -> throw new IllegalArgumentException(
          "danvan.performance.history-update-lookup: ends-only or always, not '" + lookup + "'");
    };
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (endsOnly && configuration.getHistoryEventHandler() instanceof CompositeDbHistoryEventHandler) {
      List<HistoryEventHandler> handlers = new ArrayList<>();
      if (configuration.getCustomHistoryEventHandlers() != null) {
        handlers.addAll(configuration.getCustomHistoryEventHandlers());
      }
      handlers.add(new Handler());
      configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(handlers));
    }
  }

  /** Camunda's database history handler, reading a start time only when an end is recorded. */
  static final class Handler extends DbHistoryEventHandler {

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
      if (isUpdateBeforeTheEnd(event) && event.getId() != null) {
        var entities = getDbEntityManager();
        if (entities.getCachedEntity(event.getClass(), event.getId()) == null) {
          entities.merge(event);
        }
        return;
      }
      super.insertOrUpdate(event);
    }

    /**
     * Whether {@code event} updates a task's or an activity's row without ending it: the update
     * statements of those two write the start time never and the duration only with the end time.
     */
    boolean isUpdateBeforeTheEnd(HistoryEvent event) {
      return (event instanceof HistoricTaskInstanceEventEntity || event instanceof HistoricActivityInstanceEventEntity)
          && !isInitialEvent(event) && ((HistoricScopeInstanceEvent) event).getEndTime() == null;
    }
  }
}
