package org.custodian.logic.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Consumer;
import org.custodian.model.audit.AuditChoices;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditFilter;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.store.Database;

/**
 * Reads the audit chain: its head, a full verification, one record's history, and the log filtered and paged
 * for the audit log screen.
 */
public final class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** A page of the events that match, newest first, each with the code of its record. */
    public List<AuditEntry> page(AuditFilter filter, int limit, long offset) {
        return database.auditPage(filter, limit, offset).stream().map(AuditTrail::named).toList();
    }

    public long count(AuditFilter filter) {
        return database.auditCount(filter);
    }

    /** The actors, actions and kinds of record in the log, for its filters. */
    public AuditChoices choices() {
        return database.auditChoices();
    }

    /**
     * Every event that matches, oldest first, after the head the events belong to.
     *
     * @param head told the chain's head before the first event
     */
    public void forEach(AuditFilter filter, Consumer<AuditHead> head, Consumer<AuditEntry> each) {
        database.forEachAuditEntry(filter, head, e -> each.accept(named(e)));
    }

    /**
     * The entry with a record code to show: the record's own when it still exists, else the code or reference
     * the event recorded, else the record's id (a report's fingerprint, shortened).
     */
    static AuditEntry named(AuditEntry entry) {
        if (entry.record() != null) {
            return entry;
        }
        AuditEvent e = entry.event();
        String code = recordedCode(e.after());
        if (code == null) {
            code = recordedCode(e.before());
        }
        if (code == null) {
            code = "report".equals(e.entityType()) && e.entityId().length() > 12 ? e.entityId().substring(0, 12) + "…"
                    : e.entityId();
        }
        return new AuditEntry(e, code);
    }

    private static String recordedCode(String state) {
        if (state == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(state);
            for (String field : new String[] {"code", "reference"}) {
                JsonNode v = node.path(field);
                if (v.isTextual() && !v.asText().isBlank()) {
                    return v.asText();
                }
            }
        } catch (java.io.IOException unreadable) {
            // an edited event: the id will do
        }
        return null;
    }
}
