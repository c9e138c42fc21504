package vn.danvan.dossier;

import java.time.Instant;

/** One entry of a dossier's trail: a pause, resume, escalation, apology, outcome… */
public record DossierEvent(Instant occurredAt, DossierEventType type, String actor, String detail) {}
