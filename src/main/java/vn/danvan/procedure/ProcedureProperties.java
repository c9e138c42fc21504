package vn.danvan.procedure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the procedure catalogue ({@code danvan.procedure.*}).
 *
 * @param onlineLastHourCountsNextDay whether an online filing in the last hour of office hours
 *     counts as received the next working day (Decree 297/2025 Art. 6; docs/legal-rules.md §1 tags it
 *     unconfirmed, hence a setting; default true)
 */
@ConfigurationProperties("danvan.procedure")
public record ProcedureProperties(Boolean onlineLastHourCountsNextDay) {

  public ProcedureProperties {
    onlineLastHourCountsNextDay = onlineLastHourCountsNextDay == null || onlineLastHourCountsNextDay;
  }

  public static ProcedureProperties defaults() {
    return new ProcedureProperties(null);
  }
}
