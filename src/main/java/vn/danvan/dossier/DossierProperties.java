package vn.danvan.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the one-stop process ({@code danvan.dossier.*}).
 *
 * @param supplementWorkingDays how long a citizen has to supplement before the dossier is closed
 *     (docs/legal-rules.md §2, tag S/?: kept as data because it is unconfirmed)
 */
@ConfigurationProperties("danvan.dossier")
public record DossierProperties(Integer supplementWorkingDays) {

  public DossierProperties {
    supplementWorkingDays = supplementWorkingDays == null ? 15 : supplementWorkingDays;
  }
}
