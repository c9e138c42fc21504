package vn.danvan.identity;

import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * Stops the startup when a removed setting is still configured: chairmen and parent units are data
 * of the identity store now ({@link UnitOfficials}, {@code PUT /api/units/{code}}), and a setting
 * that is silently ignored would leave an operator believing the old YAML still decides who signs.
 */
@Component
class RemovedUnitSettings {

  static final List<String> REMOVED = List.of("danvan.dossier.chairmen", "danvan.documents.parent-units",
      "danvan.documents.parentUnits");

  RemovedUnitSettings(ConfigurableEnvironment environment) {
    check(environment);
  }

  static void check(ConfigurableEnvironment environment) {
    for (var source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          String normalized = name.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
          for (String removed : REMOVED) {
            if (normalized.startsWith(removed.toLowerCase(java.util.Locale.ROOT))) {
              throw new IllegalStateException("Setting '" + name + "' (" + source.getName() + ") was removed: a unit's"
                  + " parent and chairman are recorded through PUT /api/units/{code} (docs/units-and-officials.md)");
            }
          }
        }
      }
    }
  }
}
