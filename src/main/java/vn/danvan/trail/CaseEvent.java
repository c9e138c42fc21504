package vn.danvan.trail;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a case's trail, for any process: which case ({@code caseKey}, e.g. a dossier code),
 * of which process definition key and unit, what happened ({@code type}, a code labelled in
 * {@code trail/event-types.yaml}), who did it (a user id, null for the engine), when, at which BPMN
 * activity ({@code step}, null when not known) and under which version of the rule
 * ({@code ruleVersion}, e.g. the catalogue row's effective date; null when none applies).
 * {@code details} is Vietnamese text for people and holds no ID number, phone or address.
 */
public record CaseEvent(String caseKey, String processKey, String unit, String type, String actor,
    Instant occurredAt, String step, String ruleVersion, String details) {

  public CaseEvent {
    Objects.requireNonNull(caseKey, "caseKey");
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
