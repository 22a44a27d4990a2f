package org.custodian.logic.audit;

import java.util.List;
import java.util.function.Consumer;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.store.Database;

/** Reads the audit chain: its head, a full verification, and one record's history. */
public final class AuditTrail {

    private final Database database;

    public AuditTrail(Database database) {
        this.database = database;
    }

    public AuditHead head() {
        return database.auditHead();
    }

    public long eventCount() {
        return database.auditEventCount();
    }

    /**
     * Walks the whole chain.
     *
     * @param expected a head written down earlier, or null
     * @param progress called every 10,000 events with the count checked so far; may be null
     */
    public ChainVerdict verify(AuditHead expected, Consumer<Long> progress) {
        return database.verifyAuditChain(expected, progress);
    }

    public List<AuditEvent> history(String entityType, String entityId) {
        return database.auditHistory(entityType, entityId);
    }
}
