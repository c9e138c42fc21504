package vn.danvan.sla;

import java.time.Instant;

/**
 * One recorded change of a case clock ({@code dv_case_clock_change}): its type (a trail event type,
 * see {@link CaseClock}), who, when, why, by which decision, under which rule version, and the
 * deadline before and after.
 */
public record ClockChange(String caseKey, String processKey, String type, String actor, Instant occurredAt,
    String ruleVersion, String reason, String decisionRef, Instant deadlineBefore, Instant deadlineAfter,
    int extensionsUsed) {}
