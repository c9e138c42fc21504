package vn.danvan.dossier;

import java.time.Instant;

/** A dossier as the register keeps it: no personal data but the phone's last four digits. */
public record Dossier(String code, String unit, String procedureCode, String channel, String processInstanceId,
    String phoneLast4, DossierState state, Instant receivedAt, Instant appointmentAt, Instant firstAppointmentAt,
    boolean appointmentMoved, Instant resultReadyAt, Instant returnedAt, Outcome outcome, Integer satisfaction) {}
