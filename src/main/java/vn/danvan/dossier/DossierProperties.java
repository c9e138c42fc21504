package vn.danvan.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the one-stop process ({@code danvan.dossier.*}). Who the chairman of a unit is comes
 * from the identity store ({@link vn.danvan.identity.UnitOfficials}), not from here.
 *
 * @param supplementWorkingDays how long a citizen has to supplement before the dossier is closed
 *     (docs/legal-rules.md §2, tag S/?: kept as data because it is unconfirmed)
 * @param apologyShortDeadlineShare on a deadline of one working day or less, the share of the office
 *     time between acceptance and appointment left to the leader when the apology falls due (0.25:
 *     the last quarter); see {@link vn.danvan.sla.StepClock#apologyDue}
 */
@ConfigurationProperties("danvan.dossier")
public record DossierProperties(Integer supplementWorkingDays, Double apologyShortDeadlineShare) {

  public DossierProperties {
    supplementWorkingDays = supplementWorkingDays == null ? 15 : supplementWorkingDays;
    apologyShortDeadlineShare = apologyShortDeadlineShare == null ? 0.25 : apologyShortDeadlineShare;
    if (apologyShortDeadlineShare <= 0 || apologyShortDeadlineShare >= 1) {
      throw new IllegalArgumentException("danvan.dossier.apology-short-deadline-share must lie strictly between 0 and 1");
    }
  }
}
