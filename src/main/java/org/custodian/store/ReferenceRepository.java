package org.custodian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;

/**
 * The reference lists (organisations, categories, formats): three tables of one shape. Table names come from
 * the closed {@link ReferenceList} enum, never from input.
 */
public final class ReferenceRepository {

    private static final Map<ReferenceList, String> TABLES = new EnumMap<>(Map.of(
            ReferenceList.ORGANISATION, "organisation",
            ReferenceList.CATEGORY, "category",
            ReferenceList.FORMAT, "data_format"));

    private static final String SELECT_BY_CODE = """
            SELECT id, code, name_en, name_tc FROM %s WHERE code = ? COLLATE NOCASE
            """;
    private static final String SEARCH = """
            SELECT id, code, name_en, name_tc FROM %s
            WHERE ? = '' OR code LIKE ? ESCAPE '\\' OR name_en LIKE ? ESCAPE '\\' OR name_tc LIKE ? ESCAPE '\\'
            ORDER BY %s
            LIMIT ? OFFSET ?
            """;
    private static final String COUNT_MATCHING = """
            SELECT count(*) FROM %s
            WHERE ? = '' OR code LIKE ? ESCAPE '\\' OR name_en LIKE ? ESCAPE '\\' OR name_tc LIKE ? ESCAPE '\\'
            """;
    private static final String INSERT = """
            INSERT INTO %s (id, code, name_en, name_tc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE_NAMES = """
            UPDATE %s SET name_en = ?, name_tc = ?, updated_at = ? WHERE id = ?
            """;

    /** The columns a list can be sorted by; anything else falls back to the code. */
    public enum SortColumn {
        CODE("code COLLATE NOCASE"), NAME_EN("name_en COLLATE NOCASE"), NAME_TC("name_tc");

        private final String sql;

        SortColumn(String sql) {
            this.sql = sql;
        }
    }

    private final Database database;

    public ReferenceRepository(Database database) {
        this.database = database;
    }

    public Optional<ReferenceEntry> findByCode(ReferenceList list, String code) {
        return database.read(c -> findByCode(c, list, code));
    }

    private static Optional<ReferenceEntry> findByCode(Connection c, ReferenceList list, String code)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_BY_CODE.formatted(TABLES.get(list)))) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, list)) : Optional.empty();
            }
        }
    }

    /** Finds an entry inside a write transaction (sees the transaction's own changes). */
    public Optional<ReferenceEntry> findByCode(Tx tx, ReferenceList list, String code) {
        try {
            PreparedStatement ps = tx.prepare(SELECT_BY_CODE.formatted(TABLES.get(list)));
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, list)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read " + list.entityType() + " " + code, e);
        }
    }

    /** One page of entries whose code or names contain {@code text} (any language, any length). */
    public List<ReferenceEntry> search(ReferenceList list, String text, SortColumn sort, boolean descending,
                                       int limit, int offset) {
        String table = TABLES.get(list);
        String order = (sort == null ? SortColumn.CODE : sort).sql + (descending ? " DESC" : " ASC") + ", code";
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SEARCH.formatted(table, order))) {
                int i = bindFilter(ps, text);
                ps.setInt(i++, limit);
                ps.setInt(i, offset);
                List<ReferenceEntry> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(read(rs, list));
                    }
                }
                return page;
            }
        });
    }

    public int count(ReferenceList list, String text) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COUNT_MATCHING.formatted(TABLES.get(list)))) {
                bindFilter(ps, text);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    public Map<ReferenceList, Integer> counts() {
        Map<ReferenceList, Integer> counts = new EnumMap<>(ReferenceList.class);
        for (ReferenceList list : ReferenceList.values()) {
            counts.put(list, count(list, ""));
        }
        return counts;
    }

    private static int bindFilter(PreparedStatement ps, String text) throws SQLException {
        String t = text == null ? "" : text.strip();
        String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        ps.setString(1, t);
        ps.setString(2, like);
        ps.setString(3, like);
        ps.setString(4, like);
        return 5;
    }

    /** Adds an entry and its audit event. */
    public ReferenceEntry insert(Tx tx, ReferenceList list, String code, String nameEn, String nameTc) {
        ReferenceEntry entry = new ReferenceEntry(UUID.randomUUID(), list, code, nameEn, nameTc);
        String now = Instant.now().toString();
        try {
            PreparedStatement ps = tx.prepare(INSERT.formatted(TABLES.get(list)));
            ps.setString(1, entry.id().toString());
            ps.setString(2, code);
            ps.setString(3, nameEn);
            ps.setString(4, nameTc);
            ps.setString(5, now);
            ps.setString(6, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot add " + list.entityType() + " " + code, e);
        }
        tx.audit(list.entityType(), entry.id().toString(), "create", null, snapshot(entry), null);
        return entry;
    }

    /** Renames an entry and records the before and after. */
    public ReferenceEntry rename(Tx tx, ReferenceEntry current, String nameEn, String nameTc, String reason) {
        ReferenceEntry renamed = current.withNames(nameEn, nameTc);
        try {
            PreparedStatement ps = tx.prepare(UPDATE_NAMES.formatted(TABLES.get(current.list())));
            ps.setString(1, nameEn);
            ps.setString(2, nameTc);
            ps.setString(3, Instant.now().toString());
            ps.setString(4, current.id().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot update " + current.list().entityType() + " " + current.code(), e);
        }
        tx.audit(current.list().entityType(), current.id().toString(), "update", snapshot(current), snapshot(renamed),
                reason);
        return renamed;
    }

    static Map<String, Object> snapshot(ReferenceEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("name_en", e.nameEn());
        m.put("name_tc", e.nameTc());
        return m;
    }

    private static ReferenceEntry read(ResultSet rs, ReferenceList list) throws SQLException {
        return new ReferenceEntry(UUID.fromString(rs.getString(1)), list, rs.getString(2), rs.getString(3),
                rs.getString(4));
    }
}
