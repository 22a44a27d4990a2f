package org.custodian.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.custodian.model.audit.AuditEvent;

/**
 * An open write transaction: the connection for repositories and the audit appender, both committing together.
 * Only code in {@code store} sees the connection.
 */
public final class Tx implements AutoCloseable {

    private final Connection connection;
    private final String actor;
    // Statements are prepared once per transaction: an import prepares each of its few statements once,
    // not once per row. All are closed when the transaction ends.
    private final java.util.Map<String, java.sql.PreparedStatement> statements = new java.util.HashMap<>();
    // The chain's head as of this transaction's last append; BEGIN IMMEDIATE makes us the only writer.
    private org.custodian.model.audit.AuditHead head;
    // Once an audit append fails the transaction can only roll back, even if a caller catches the error.
    private boolean auditFailed;

    boolean auditFailed() {
        return auditFailed;
    }

    Tx(Connection connection, String actor) {
        this.connection = connection;
        this.actor = actor;
    }

    Connection connection() {
        return connection;
    }

    /** A statement prepared once for this transaction; do not close it. */
    java.sql.PreparedStatement prepare(String sql) throws SQLException {
        java.sql.PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    @Override
    public void close() {
        for (java.sql.PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
    }

    public String actor() {
        return actor;
    }

    /** Appends an audit event for a change made in this transaction. */
    public AuditEvent audit(String entityType, String entityId, String action, Map<String, ?> before,
                            Map<String, ?> after, String reason) {
        String beforeJson;
        String afterJson;
        try {
            beforeJson = AuditLog.json(before);
            afterJson = AuditLog.json(after);
        } catch (RuntimeException e) {
            auditFailed = true;
            throw new StoreException("Cannot write the audit event for " + entityType + " " + entityId, e);
        }
        return auditJson(entityType, entityId, action, beforeJson, afterJson, reason);
    }

    /** As {@link #audit}, with the states already written as JSON (an import prepares them on another thread). */
    AuditEvent auditJson(String entityType, String entityId, String action, String before, String after,
                         String reason) {
        try {
            if (head == null) {
                head = AuditLog.head(connection);
            }
            AuditEvent event = AuditLog.appendJson(this, head, entityType, entityId, action, before, after, reason);
            head = new org.custodian.model.audit.AuditHead(event.sequence(), event.hash());
            return event;
        } catch (SQLException | RuntimeException e) {
            auditFailed = true;
            throw new StoreException("Cannot write the audit event for " + entityType + " " + entityId, e);
        }
    }
}
