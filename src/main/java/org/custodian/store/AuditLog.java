package org.custodian.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.audit.ChainWalk;

/** The hash-chained audit table: appends inside the caller's transaction, reads the head, walks the chain. */
public final class AuditLog {

    private static final String HEAD = """
            SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1
            """;
    private static final String INSERT = """
            INSERT INTO audit_event (seq, occurred_at, actor, entity_type, entity_id, action,
                                     before_json, after_json, reason, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String ALL_IN_ORDER = """
            SELECT seq, occurred_at, actor, entity_type, entity_id, action, before_json, after_json, reason,
                   prev_hash, hash,
                   typeof(seq) = 'integer' AND typeof(occurred_at) = 'text' AND typeof(actor) = 'text'
                   AND typeof(entity_type) = 'text' AND typeof(entity_id) = 'text' AND typeof(action) = 'text'
                   AND typeof(before_json) IN ('text', 'null') AND typeof(after_json) IN ('text', 'null')
                   AND typeof(reason) IN ('text', 'null') AND typeof(prev_hash) = 'text'
                   AND typeof(hash) = 'text' AS well_typed
            FROM audit_event ORDER BY seq
            """;
    private static final String GUARDS = """
            SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'
              AND name IN ('audit_event_no_update', 'audit_event_no_delete') AND sql LIKE '%RAISE(ABORT%'
            """;
    private static final String FOR_ENTITY = """
            SELECT seq, occurred_at, actor, entity_type, entity_id, action, before_json, after_json, reason,
                   prev_hash, hash
            FROM audit_event WHERE entity_type = ? AND entity_id = ? ORDER BY seq
            """;
    private static final String COUNT = "SELECT count(*) FROM audit_event";

    // Sorted keys make before/after canonical: the same state always hashes the same.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AuditLog() {
    }

    static AuditEvent append(Tx tx, AuditHead head, String entityType, String entityId, String action,
                             Map<String, ?> before, Map<String, ?> after, String reason) throws SQLException {
        return appendJson(tx, head, entityType, entityId, action, json(before), json(after), reason);
    }

    /** As {@link #append}, with the states already written as JSON (by {@link #json}). */
    static AuditEvent appendJson(Tx tx, AuditHead head, String entityType, String entityId, String action,
                                 String before, String after, String reason) throws SQLException {
        AuditEvent event = new AuditEvent(head.sequence() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS), tx.actor(),
                entityType, entityId, action, before, after, blankToNull(reason), head.hash(), null)
                .sealed();
        PreparedStatement ps = tx.prepare(INSERT);
        {
            ps.setLong(1, event.sequence());
            ps.setString(2, event.occurredAt().toString());
            ps.setString(3, event.actor());
            ps.setString(4, event.entityType());
            ps.setString(5, event.entityId());
            ps.setString(6, event.action());
            ps.setString(7, event.before());
            ps.setString(8, event.after());
            ps.setString(9, event.reason());
            ps.setString(10, event.previousHash());
            ps.setString(11, event.hash());
            ps.executeUpdate();
        }
        return event;
    }

    static AuditHead head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new AuditHead(rs.getLong(1), rs.getString(2)) : AuditHead.EMPTY;
        }
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Walks every event in sequence order; stops at the first break. */
    static ChainVerdict verify(Connection c, AuditHead expected, Consumer<Long> progress) throws SQLException {
        ChainWalk walk = new ChainWalk(expected == null ? 0 : expected.sequence());
        try (PreparedStatement ps = c.prepareStatement(ALL_IN_ORDER)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                long n = 0;
                while (rs.next()) {
                    AuditEvent event;
                    long seq = rs.getLong(1);
                    try {
                        event = read(rs);
                    } catch (RuntimeException unreadable) {
                        return ChainVerdict.broken(n, walk.verdict().head(), seq,
                                "the event cannot be read (" + unreadable.getMessage() + ")");
                    }
                    // The hash covers values as the app writes them; a value SQLite stores differently (another
                    // type, another spelling of the same time) was written by something else.
                    if (!rs.getBoolean(12)) {
                        return ChainVerdict.broken(n, walk.verdict().head(), seq,
                                "a column holds a value of the wrong type (the event was edited)");
                    }
                    if (!event.occurredAt().toString().equals(rs.getString(2))) {
                        return ChainVerdict.broken(n, walk.verdict().head(), seq,
                                "its time is not written the way Custodian writes it (the event was edited)");
                    }
                    if (!walk.accept(event)) {
                        break;
                    }
                    if (++n % 10_000 == 0 && progress != null) {
                        progress.accept(n);
                    }
                }
            }
        }
        ChainVerdict verdict = walk.verdictAgainst(expected);
        try (PreparedStatement ps = c.prepareStatement(GUARDS); ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getInt(1) != 2) {
                return verdict.withGuardProblem("the append-only guards on the audit table were removed");
            }
        }
        return verdict;
    }

    static List<AuditEvent> forEntity(Connection c, String entityType, String entityId) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FOR_ENTITY)) {
            ps.setString(1, entityType);
            ps.setString(2, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
        }
        return events;
    }

    /** The event in columns 1–11 of a row (seq … hash, in the table's order). */
    static AuditEvent read(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11));
    }

    static String json(Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
