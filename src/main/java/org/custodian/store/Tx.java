package org.custodian.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.custodian.model.audit.AuditEvent;

/**
 * An open write transaction: the connection for repositories and the audit appender, both committing together.
 * Only code in {@code store} sees the connection.
 */
public final class Tx {

    private final Connection connection;
    private final String actor;

    Tx(Connection connection, String actor) {
        this.connection = connection;
        this.actor = actor;
    }

    Connection connection() {
        return connection;
    }

    public String actor() {
        return actor;
    }

    /** Appends an audit event for a change made in this transaction. */
    public AuditEvent audit(String entityType, String entityId, String action, Map<String, ?> before,
                            Map<String, ?> after, String reason) {
        try {
            return AuditLog.append(connection, actor, entityType, entityId, action, before, after, reason);
        } catch (SQLException e) {
            throw new StoreException("Cannot write the audit event for " + entityType + " " + entityId, e);
        }
    }
}
