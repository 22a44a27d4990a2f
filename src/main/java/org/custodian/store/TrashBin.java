package org.custodian.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.model.workbench.TrashItem;

/**
 * The trash table: a deleted row is copied in whole (every column) before it is deleted, so restoring puts back
 * exactly what was there; purging removes the copy for good. Works on a fixed list of tables, never on a name
 * taken from the stored copy.
 */
public final class TrashBin {

    /** What each kind of item is, and where its row lives. */
    private static final Map<String, String> TABLES = Map.of(
            "risk", "assessment_risk",
            "action", "assessment_action",
            "evidence", "assessment_evidence");
    // The row's own number is given afresh on restore: nothing points at it, and it may have been reused.
    private static final Set<String> RENUMBERED = Set.of("row_key");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    public TrashBin(Database database) {
        this.database = database;
    }

    /**
     * Copies the row of {@code kind} with {@code recordId} into the trash and deletes it; {@code unlinked} are the
     * ids of rows whose link to it the caller removed (actions of a deleted risk), put back on restore.
     */
    public TrashItem put(Tx tx, String kind, UUID recordId, String label, String ownerType, UUID ownerId,
                         String ownerLabel, String reason, List<String> unlinked) {
        String table = tableOf(kind);
        try {
            ObjectNode copy = JSON.createObjectNode();
            ObjectNode row = copy.putObject("row");
            String storedFile = null;
            PreparedStatement select = tx.prepare("SELECT * FROM " + table + " WHERE id = ?");
            select.setString(1, recordId.toString());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("The " + kind + " " + label + " is no longer there; nothing was deleted.",
                            null);
                }
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i);
                    Object value = rs.getObject(i);
                    if (value == null) {
                        row.putNull(column);
                    } else if (value instanceof Number n && !(value instanceof Double)) {
                        row.put(column, n.longValue());
                    } else {
                        row.put(column, String.valueOf(value));
                    }
                    if (column.equals("stored_name") && value != null) {
                        storedFile = value.toString();
                    }
                }
            }
            ArrayNode links = copy.putArray("unlinked");
            unlinked.forEach(links::add);
            PreparedStatement delete = tx.prepare("DELETE FROM " + table + " WHERE id = ?");
            delete.setString(1, recordId.toString());
            delete.executeUpdate();
            TrashItem item = new TrashItem(UUID.randomUUID(), kind, recordId, label, ownerType, ownerId, ownerLabel,
                    Instant.now(), tx.actor(), blankToNull(reason), storedFile);
            PreparedStatement insert = tx.prepare("""
                    INSERT INTO trash_item (id, kind, record_id, label, owner_type, owner_id, owner_label, deleted_at,
                        deleted_by, reason, rows_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            insert.setString(1, item.id().toString());
            insert.setString(2, kind);
            insert.setString(3, recordId.toString());
            insert.setString(4, label);
            insert.setString(5, ownerType);
            insert.setString(6, ownerId.toString());
            insert.setString(7, ownerLabel);
            insert.setString(8, item.deletedAt().toString());
            insert.setString(9, item.deletedBy());
            insert.setString(10, item.reason());
            insert.setString(11, JSON.writeValueAsString(copy));
            insert.executeUpdate();
            return item;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("Cannot move the " + kind + " " + label + " to the trash: " + e.getMessage(), e);
        }
    }

    /** Puts the item's row back (and the links it had) and removes it from the trash; returns what was restored. */
    public TrashItem restore(Tx tx, UUID itemId) {
        TrashItem item = find(tx, itemId).orElseThrow(() -> new StoreException("There is no item " + itemId
                + " in the trash (it may have been restored or purged already).", null));
        String table = tableOf(item.kind());
        try {
            requireEditableOwner(tx, item);
            JsonNode copy = JSON.readTree(rowsJson(tx, itemId));
            Set<String> known = columns(tx, table);
            List<String> names = new ArrayList<>();
            List<JsonNode> values = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = copy.path("row").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (known.contains(f.getKey()) && !RENUMBERED.contains(f.getKey())) {
                    names.add(f.getKey());
                    values.add(f.getValue());
                }
            }
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                    .append(String.join(", ", names)).append(") VALUES (")
                    .append(String.join(", ", java.util.Collections.nCopies(names.size(), "?"))).append(')');
            try (PreparedStatement insert = tx.connection().prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    JsonNode v = values.get(i);
                    if (v.isNull()) {
                        insert.setNull(i + 1, Types.NULL);
                    } else if (v.isIntegralNumber()) {
                        insert.setLong(i + 1, v.asLong());
                    } else {
                        insert.setString(i + 1, v.asText());
                    }
                }
                insert.executeUpdate();
            }
            if (item.kind().equals("risk")) {
                PreparedStatement relink = tx.prepare("UPDATE assessment_action SET risk_id = ? WHERE id = ?"
                        + " AND risk_id IS NULL");
                for (JsonNode id : copy.path("unlinked")) {
                    relink.setString(1, item.recordId().toString());
                    relink.setString(2, id.asText());
                    relink.executeUpdate();
                }
            }
            PreparedStatement touch = tx.prepare("UPDATE assessment SET updated_at = ? WHERE id = ?");
            touch.setString(1, Instant.now().toString());
            touch.setString(2, item.ownerId().toString());
            touch.executeUpdate();
            remove(tx, itemId);
            return item;
        } catch (SQLException e) {
            throw new StoreException("The " + item.kind() + " " + item.label() + " cannot be put back: "
                    + firstLine(e.getMessage()), e);
        } catch (JsonProcessingException e) {
            throw new StoreException("The trash copy of " + item.label() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Only an assessment its assessor may edit takes an item back: one with the reviewers would be decided on
     * content they never saw, and a decided one is frozen.
     */
    private static void requireEditableOwner(Tx tx, TrashItem item) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT status FROM assessment WHERE id = ?");
        ps.setString(1, item.ownerId().toString());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("The " + item.kind() + " " + item.label() + " cannot be put back: its"
                        + " assessment " + item.ownerLabel() + " is no longer in this workbench.", null);
            }
            org.custodian.model.assessment.AssessmentStatus status =
                    org.custodian.model.inventory.CodedValue.parse(org.custodian.model.assessment.AssessmentStatus.class,
                            rs.getString(1));
            if (status == null || !status.editable()) {
                throw new StoreException("The " + item.kind() + " " + item.label() + " cannot be put back: "
                        + item.ownerLabel() + " is " + rs.getString(1) + ", and only a draft or one with changes"
                        + " requested takes changes. Start a new revision to add it there.", null);
            }
        }
    }

    /** Removes the item from the trash for good; returns it (its evidence file is the caller's to discard). */
    public TrashItem purge(Tx tx, UUID itemId) {
        TrashItem item = find(tx, itemId).orElseThrow(() -> new StoreException("There is no item " + itemId
                + " in the trash (it may have been restored or purged already).", null));
        remove(tx, itemId);
        return item;
    }

    /** Whether another row still names {@code storedName} (then its file must stay). */
    public boolean fileStillNamed(String storedName) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT count(*) FROM assessment_evidence WHERE stored_name = ?)
                         + (SELECT count(*) FROM trash_item WHERE kind = 'evidence'
                              AND json_extract(rows_json, '$.row.stored_name') = ?)""")) {
                ps.setString(1, storedName);
                ps.setString(2, storedName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        });
    }

    /** The trash, newest first. */
    public List<TrashItem> list() {
        return database.read(c -> {
            List<TrashItem> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY deleted_at DESC, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs));
                }
            }
            return items;
        });
    }

    public Optional<TrashItem> find(UUID itemId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
                ps.setString(1, itemId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static final String SELECT = """
            SELECT id, kind, record_id, label, owner_type, owner_id, owner_label, deleted_at, deleted_by, reason,
                   json_extract(rows_json, '$.row.stored_name') FROM trash_item""";

    private static Optional<TrashItem> find(Tx tx, UUID itemId) {
        try {
            PreparedStatement ps = tx.prepare(SELECT + " WHERE id = ?");
            ps.setString(1, itemId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the trash: " + e.getMessage(), e);
        }
    }

    private static String rowsJson(Tx tx, UUID itemId) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT rows_json FROM trash_item WHERE id = ?");
        ps.setString(1, itemId.toString());
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void remove(Tx tx, UUID itemId) {
        try {
            PreparedStatement ps = tx.prepare("DELETE FROM trash_item WHERE id = ?");
            ps.setString(1, itemId.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot update the trash: " + e.getMessage(), e);
        }
    }

    private static Set<String> columns(Tx tx, String table) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static TrashItem read(ResultSet rs) throws SQLException {
        return new TrashItem(UUID.fromString(rs.getString(1)), rs.getString(2), UUID.fromString(rs.getString(3)),
                rs.getString(4), rs.getString(5), UUID.fromString(rs.getString(6)), rs.getString(7),
                Instant.parse(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11));
    }

    private static String tableOf(String kind) {
        String table = TABLES.get(kind);
        if (table == null) {
            throw new IllegalArgumentException("nothing of kind " + kind + " goes to the trash");
        }
        return table;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").replaceFirst("^\\[SQLITE_[A-Z_]+\\][^(]*\\(", "(");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Map<String, Object> describe(TrashItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trash_item", item.id().toString());
        m.put("kind", item.kind());
        m.put("label", item.label());
        return m;
    }
}
