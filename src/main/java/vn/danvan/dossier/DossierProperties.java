package vn.danvan.dossier;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the one-stop process ({@code danvan.dossier.*}).
 *
 * @param supplementWorkingDays how long a citizen has to supplement before the dossier is closed
 *     (docs/legal-rules.md §2, tag S/?: kept as data because it is unconfirmed)
 * @param chairmen the chairman's user id per unit, who gets late dossiers and signs courtesy letters;
 *     a unit without one escalates to its leaders' group
 */
@ConfigurationProperties("danvan.dossier")
public record DossierProperties(Integer supplementWorkingDays, Map<String, String> chairmen) {

  public DossierProperties {
    supplementWorkingDays = supplementWorkingDays == null ? 15 : supplementWorkingDays;
    chairmen = chairmen == null ? Map.of() : Map.copyOf(chairmen);
  }
}
