package org.custodian.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One link of the audit chain: who changed what, when and why, sealed by a hash over this event and the
 * previous event's hash. {@code before} and {@code after} are canonical JSON (or null for create/delete).
 */
public record AuditEvent(
        long sequence,
        Instant occurredAt,
        String actor,
        String entityType,
        String entityId,
        String action,
        String before,
        String after,
        String reason,
        String previousHash,
        String hash) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(previousHash, "previousHash");
    }

    /** The same event with its hash computed from its content and the previous hash. */
    public AuditEvent sealed() {
        return new AuditEvent(sequence, occurredAt, actor, entityType, entityId, action, before, after, reason,
                previousHash, AuditDigest.of(this));
    }
}
