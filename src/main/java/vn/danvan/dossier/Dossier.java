package vn.danvan.dossier;

import java.time.Instant;

/**
 * A dossier as the register keeps it: no personal data but the phone's last four digits.
 *
 * @param satisfaction what the officer recorded when handing the result over (1 to 5), if anything
 * @param citizenRating the citizen's own rating on the public page (1 to 5): one per dossier, never
 *     changed once given, and never mixed with the officer's entry
 */
public record Dossier(String code, String unit, String procedureCode, String channel, String processInstanceId,
    String phoneLast4, DossierState state, Instant receivedAt, Instant appointmentAt, Instant firstAppointmentAt,
    boolean appointmentMoved, Instant resultReadyAt, Instant returnedAt, Outcome outcome, Integer satisfaction,
    Integer citizenRating, Instant citizenRatedAt) {}
