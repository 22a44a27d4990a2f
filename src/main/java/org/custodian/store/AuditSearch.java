package org.custodian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.model.audit.AuditChoices;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditFilter;

/**
 * Reads the audit table the way the audit log screen and its exports need it: filtered, newest first, a page at
 * a time, counted, and with the code people know each record by. Everything is done by SQLite, so a log of
 * 100,000 events never passes through the window whole.
 */
final class AuditSearch {

    private static final String COLUMNS = """
            seq, occurred_at, actor, entity_type, entity_id, action, before_json, after_json, reason, prev_hash, hash
            """;

    // The code of the record an event is about, from the record as it is now. Only the page's rows pay for it:
    // it is worked out outside the subquery that filters, orders and limits.
    private static final String RECORD_CODE = """
            CASE e.entity_type
              WHEN 'dataset' THEN (SELECT d.code FROM dataset d WHERE d.id = e.entity_id)
              WHEN 'agreement' THEN (SELECT a.reference FROM agreement a WHERE a.id = e.entity_id)
              WHEN 'assessment' THEN (SELECT s.reference || ' r' || s.revision FROM assessment s WHERE s.id = e.entity_id)
              WHEN 'organisation' THEN (SELECT o.code FROM organisation o WHERE o.id = e.entity_id)
              WHEN 'category' THEN (SELECT c.code FROM category c WHERE c.id = e.entity_id)
              WHEN 'format' THEN (SELECT f.code FROM data_format f WHERE f.id = e.entity_id)
            END
            """;

    // The records a typed code names. The code columns compare without case (COLLATE NOCASE in the schema).
    private static final String RECORD_IDS = """
            SELECT id FROM dataset WHERE code = ?1
            UNION ALL SELECT id FROM agreement WHERE reference = ?1
            UNION ALL SELECT id FROM assessment WHERE reference = ?1
            UNION ALL SELECT id FROM assessment WHERE reference = ?2 AND revision = ?3
            UNION ALL SELECT id FROM organisation WHERE code = ?1
            UNION ALL SELECT id FROM category WHERE code = ?1
            UNION ALL SELECT id FROM data_format WHERE code = ?1
            """;

    /** "AS-2026-001 r2" or "AS-2026-001-r2": one revision of an assessment. */
    private static final Pattern REVISION = Pattern.compile("(.*\\S)[\\s-]+[rR](\\d{1,6})");

    // Stored times are Instant.toString() ("…T03:04:05Z", "…T03:04:05.1234Z"), whose text does not sort like time
    // within a second ('Z' sorts after '.', and the fraction has as many digits as it needs). Compared as the
    // second, a dot and the fraction padded to nine digits, they sort exactly like the instants they are.
    private static final String SORTABLE_TIME = "(substr(occurred_at, 1, 19) || '.'"
            + " || substr(replace(substr(occurred_at, 21), 'Z', '') || '000000000', 1, 9))";
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private AuditSearch() {
    }

    /** The page of events that match, newest first. */
    static List<AuditEntry> page(Connection c, AuditFilter filter, int limit, long offset) throws SQLException {
        Where where = Where.of(c, filter);
        String sql = "SELECT e.*, " + RECORD_CODE + " FROM (SELECT " + COLUMNS + " FROM audit_event"
                + where.sql() + " ORDER BY seq DESC LIMIT ? OFFSET ?) e ORDER BY e.seq DESC";
        List<AuditEntry> page = new ArrayList<>(Math.max(0, Math.min(limit, 1000)));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = where.bind(ps);
            ps.setInt(i++, limit);
            ps.setLong(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new AuditEntry(AuditLog.read(rs), rs.getString(12)));
                }
            }
        }
        return page;
    }

    static long count(Connection c, AuditFilter filter) throws SQLException {
        Where where = Where.of(c, filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_event" + where.sql())) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Every event that matches, oldest first (the order a log file is read in), one at a time. */
    static void forEach(Connection c, AuditFilter filter, Consumer<AuditEntry> each) throws SQLException {
        Where where = Where.of(c, filter);
        String sql = "SELECT e.*, " + RECORD_CODE + " FROM audit_event e"
                + where.sql() + " ORDER BY e.seq";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(new AuditEntry(AuditLog.read(rs), rs.getString(12)));
                }
            }
        }
    }

    static AuditChoices choices(Connection c) throws SQLException {
        return new AuditChoices(distinct(c, "actor"), distinct(c, "action"), distinct(c, "entity_type"));
    }

    private static List<String> distinct(Connection c, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        // The column comes from the three names above, never from input.
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + column + " FROM audit_event ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The ids of the records a typed code (or id) names; the typed text itself always counts as an id. */
    static List<String> recordIds(Connection c, String typed) throws SQLException {
        List<String> ids = new ArrayList<>();
        ids.add(typed);
        Matcher revision = REVISION.matcher(typed);
        try (PreparedStatement ps = c.prepareStatement(RECORD_IDS)) {
            ps.setString(1, typed);
            ps.setString(2, revision.matches() ? revision.group(1) : null);
            ps.setInt(3, revision.matches() ? Integer.parseInt(revision.group(2)) : -1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!ids.contains(rs.getString(1))) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** An instant written as {@link #SORTABLE_TIME} writes stored times. */
    static String sortable(Instant at) {
        return SECOND.format(at) + "." + String.format(java.util.Locale.ROOT, "%09d", at.getNano());
    }

    /** A filter's WHERE clause (with its leading " WHERE ", or empty) and its parameters, bound in order. */
    private record Where(String sql, List<Object> args) {

        static Where of(Connection c, AuditFilter f) throws SQLException {
            List<String> terms = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            if (f.entityType() != null) {
                terms.add("entity_type = ?");
                args.add(f.entityType());
            }
            if (f.record() != null) {
                List<String> ids = recordIds(c, f.record());
                terms.add("entity_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")");
                args.addAll(ids);
            }
            if (f.actor() != null) {
                terms.add("actor = ?");
                args.add(f.actor());
            }
            if (f.action() != null) {
                terms.add("action = ?");
                args.add(f.action());
            }
            // The plain text comparison settles every event outside the bound's own second (its second's text is a
            // prefix of theirs, so it sorts before all of them); only those inside it need the exact comparison.
            if (f.from() != null) {
                terms.add("occurred_at >= ? AND (substr(occurred_at, 1, 19) <> ? OR " + SORTABLE_TIME + " >= ?)");
                args.add(SECOND.format(f.from()));
                args.add(SECOND.format(f.from()));
                args.add(sortable(f.from()));
            }
            if (f.to() != null) {
                terms.add("(occurred_at < ? OR (substr(occurred_at, 1, 19) = ? AND " + SORTABLE_TIME + " < ?))");
                args.add(SECOND.format(f.to()));
                args.add(SECOND.format(f.to()));
                args.add(sortable(f.to()));
            }
            if (f.text() != null) {
                // Each word must appear somewhere; LIKE with the wildcards of the text escaped.
                for (String word : f.text().split("\\s+")) {
                    String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                    terms.add("(entity_id LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\'"
                            + " OR before_json LIKE ? ESCAPE '\\' OR after_json LIKE ? ESCAPE '\\')");
                    for (int i = 0; i < 4; i++) {
                        args.add(like);
                    }
                }
            }
            return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), args);
        }

        /** Binds the parameters from 1; returns the next free index. */
        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            return i;
        }
    }
}
