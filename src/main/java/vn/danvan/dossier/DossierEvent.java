package vn.danvan.dossier;

import java.time.Instant;

/**
 * One entry of a dossier's trail as the dossier code reads it: a pause, resume, escalation,
 * apology, outcome… Stored in the case trail (process {@code dossierApproval}).
 */
public record DossierEvent(Instant occurredAt, String type, String actor, String detail, String step,
    String ruleVersion) {}
