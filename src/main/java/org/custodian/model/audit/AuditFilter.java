package org.custodian.model.audit;

import java.time.Instant;

/**
 * Which audit events to show: every condition given must hold (null or blank means "any").
 *
 * @param entityType the kind of record ("dataset", "agreement", …)
 * @param record     one record, as its id or as the code people use for it (a dataset code, an agreement
 *                   reference, an assessment reference with or without its revision as "AS-2026-001 r2")
 * @param actor      who made the change (the OS account), exactly
 * @param action     what was done ("update", "status", …), exactly
 * @param from       events at or after this instant
 * @param to         events before this instant
 * @param text       words anywhere in the record id, the reason or the before/after states
 */
public record AuditFilter(String entityType, String record, String actor, String action, Instant from, Instant to,
                          String text) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);

    public AuditFilter {
        entityType = blankToNull(entityType);
        record = blankToNull(record);
        actor = blankToNull(actor);
        action = blankToNull(action);
        text = blankToNull(text);
    }

    /** Everything about one record: how a record's "history" opens the log. */
    public static AuditFilter forRecord(String entityType, String record) {
        return new AuditFilter(entityType, record, null, null, null, null, null);
    }

    public AuditFilter between(Instant from, Instant to) {
        return new AuditFilter(entityType, record, actor, action, from, to, text);
    }

    public boolean isEmpty() {
        return equals(ALL);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
