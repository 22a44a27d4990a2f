package org.custodian.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.inventory.EncryptionAtRest;
import org.custodian.model.inventory.FacetCount;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.inventory.Retention;
import org.custodian.model.inventory.UpdateFrequency;

/**
 * The dataset inventory table, its search indexes and its audit events. Listing, counting and facet counts
 * are done in SQLite (paged, sorted by whitelisted expressions, filtered with bound parameters).
 */
public final class DatasetRepository {

    public static final String ENTITY = "dataset";

    static final String COLUMNS = """
            row_key, id, code, title_en, title_tc, description_en, description_tc, department, custodian,
            contact_email, category, keywords, formats, update_frequency, source_system, personal_data,
            personal_data_categories, classification, open_data_status, retention, cross_boundary,
            encryption_at_rest, lifecycle_status, landing_page, last_updated, created_at, updated_at""";
    static final String INSERT = """
            INSERT INTO dataset (id, code, title_en, title_tc, description_en, description_tc, department, custodian,
                contact_email, category, keywords, formats, update_frequency, source_system, personal_data,
                personal_data_categories, classification, open_data_status, retention, cross_boundary,
                encryption_at_rest, lifecycle_status, landing_page, last_updated, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE dataset SET code = ?, title_en = ?, title_tc = ?, description_en = ?, description_tc = ?,
                department = ?, custodian = ?, contact_email = ?, category = ?, keywords = ?, formats = ?,
                update_frequency = ?, source_system = ?, personal_data = ?, personal_data_categories = ?,
                classification = ?, open_data_status = ?, retention = ?, cross_boundary = ?, encryption_at_rest = ?,
                lifecycle_status = ?, landing_page = ?, last_updated = ?, updated_at = ?
            WHERE row_key = ?
            """;
    private static final String BY_CODE = "SELECT " + COLUMNS + " FROM dataset WHERE code = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM dataset WHERE id = ?";

    private static final Map<DatasetSort, String> ORDER = new EnumMap<>(Map.ofEntries(
            Map.entry(DatasetSort.CODE, "d.code"),
            Map.entry(DatasetSort.TITLE_EN, "d.title_en COLLATE NOCASE"),
            Map.entry(DatasetSort.TITLE_TC, "d.title_tc"),
            Map.entry(DatasetSort.DEPARTMENT,
                    "(SELECT coalesce(o.name_en, o.name_tc) FROM organisation o WHERE o.code = d.department)"),
            Map.entry(DatasetSort.DEPARTMENT_TC,
                    "(SELECT coalesce(o.name_tc, o.name_en) FROM organisation o WHERE o.code = d.department)"),
            Map.entry(DatasetSort.CATEGORY,
                    "(SELECT coalesce(c.name_en, c.name_tc) FROM category c WHERE c.code = d.category)"),
            Map.entry(DatasetSort.CATEGORY_TC,
                    "(SELECT coalesce(c.name_tc, c.name_en) FROM category c WHERE c.code = d.category)"),
            Map.entry(DatasetSort.CUSTODIAN, "d.custodian COLLATE NOCASE"),
            Map.entry(DatasetSort.CLASSIFICATION,
                    "(SELECT l.rank FROM classification_level l WHERE l.code = d.classification)"),
            Map.entry(DatasetSort.PERSONAL_DATA, "d.personal_data"),
            Map.entry(DatasetSort.ENCRYPTION_AT_REST, "d.encryption_at_rest"),
            Map.entry(DatasetSort.OPEN_DATA_STATUS, "d.open_data_status"),
            Map.entry(DatasetSort.LIFECYCLE_STATUS, "d.lifecycle_status"),
            Map.entry(DatasetSort.LAST_UPDATED, "d.last_updated"),
            Map.entry(DatasetSort.UPDATED_AT, "d.updated_at")));

    private static final Map<DatasetFacet, String> FACET_COLUMN = new EnumMap<>(Map.of(
            DatasetFacet.DEPARTMENT, "d.department",
            DatasetFacet.CATEGORY, "d.category",
            DatasetFacet.CLASSIFICATION, "d.classification",
            DatasetFacet.PERSONAL_DATA, "d.personal_data",
            DatasetFacet.OPEN_DATA_STATUS, "d.open_data_status",
            DatasetFacet.LIFECYCLE_STATUS, "d.lifecycle_status"));

    private final Database database;

    public DatasetRepository(Database database) {
        this.database = database;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public Optional<Dataset> findById(UUID id) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(BY_ID)) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Looks a code up inside a write transaction (sees the transaction's own changes). */
    public Optional<Dataset> findByCode(Tx tx, String code) {
        try {
            PreparedStatement ps = tx.prepare(BY_CODE);
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read dataset " + code, e);
        }
    }

    /** Looks an id up inside a write transaction. */
    public Optional<Dataset> findById(Tx tx, UUID id) {
        try {
            PreparedStatement ps = tx.prepare(BY_ID);
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read dataset " + id, e);
        }
    }

    public Optional<Dataset> findByCode(String code) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(BY_CODE)) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Finds datasets by code during one import pass. */
    public interface Lookup {
        Optional<Dataset> byCode(String code);

        Optional<Dataset> byId(UUID id);
    }

    /** A lookup inside a write transaction. */
    public Lookup lookup(Tx tx) {
        return new Lookup() {
            @Override
            public Optional<Dataset> byCode(String code) {
                return findByCode(tx, code);
            }

            @Override
            public Optional<Dataset> byId(UUID id) {
                return findById(tx, id);
            }
        };
    }

    /** Runs {@code work} with a lookup on one read connection (a dry run, which must not take the writer). */
    public <T> T withLookup(java.util.function.Function<Lookup, T> work) {
        return database.read(c -> {
            try (PreparedStatement byCode = c.prepareStatement(BY_CODE);
                 PreparedStatement byId = c.prepareStatement(BY_ID)) {
                return work.apply(new Lookup() {
                    @Override
                    public Optional<Dataset> byCode(String code) {
                        return one(byCode, code);
                    }

                    @Override
                    public Optional<Dataset> byId(UUID id) {
                        return one(byId, id.toString());
                    }
                });
            }
        });
    }

    private static Optional<Dataset> one(PreparedStatement ps, String key) {
        try {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read dataset " + key, e);
        }
    }

    /** One page of datasets matching the query, in its order. */
    public List<Dataset> page(DatasetQuery query) {
        return database.read(c -> page(c, query));
    }

    static List<Dataset> page(Connection c, DatasetQuery query) throws SQLException {
        Where where = Where.of(query, null);
        String direction = query.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + prefixed() + " FROM dataset d" + where.sql() + " ORDER BY "
                + ORDER.get(query.sort()) + direction + ", d.row_key" + direction + " LIMIT ? OFFSET ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = where.bind(ps, 1);
            ps.setInt(i++, query.limit());
            ps.setInt(i, query.offset());
            List<Dataset> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(read(rs));
                }
            }
            return page;
        }
    }

    /** Streams every dataset matching the query (ignoring its page) to {@code sink}, in the query's order. */
    public long forEach(DatasetQuery query, Consumer<Dataset> sink) {
        return database.read(c -> {
            Where where = Where.of(query, null);
            String direction = query.descending() ? " DESC" : " ASC";
            String sql = "SELECT " + prefixed() + " FROM dataset d" + where.sql() + " ORDER BY "
                    + ORDER.get(query.sort()) + direction + ", d.row_key" + direction;
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                where.bind(ps, 1);
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    public long count(DatasetQuery query) {
        return database.read(c -> {
            Where where = Where.of(query, null);
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM dataset d" + where.sql())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * For each facet, how many datasets have each value under the search and the other facets' filters, so
     * choosing more values within one facet widens the list rather than emptying it.
     */
    public List<FacetCount> facets(DatasetQuery query) {
        return database.read(c -> {
            List<FacetCount> counts = new ArrayList<>();
            for (DatasetFacet facet : DatasetFacet.values()) {
                Where where = Where.of(query, facet);
                String column = FACET_COLUMN.get(facet);
                String sql = "SELECT coalesce(" + column + ", ''), count(*) FROM dataset d" + where.sql()
                        + " GROUP BY 1 ORDER BY 2 DESC, 1";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    where.bind(ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.add(new FacetCount(facet, rs.getString(1), rs.getLong(2)));
                        }
                    }
                }
            }
            return counts;
        });
    }

    /**
     * What an agreement's rules need of a dataset, by code (ignoring case): a light read, as an agreements import
     * makes one for every dataset its rows name.
     */
    public Optional<org.custodian.model.sharing.DatasetFacts> factsByCode(String code) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, coalesce(title_en, title_tc),"
                    + " classification, personal_data FROM dataset WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new org.custodian.model.sharing.DatasetFacts(
                            UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                            "yes".equals(rs.getString(5)))) : Optional.empty();
                }
            }
        });
    }

    /** Up to {@code limit} codes starting with {@code prefix} (ignoring case), in order: a picker's suggestions. */
    public List<String> codesStartingWith(String prefix, int limit) {
        return database.read(c -> {
            String like = prefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code FROM dataset WHERE code LIKE ? ESCAPE '\\' ORDER BY code LIMIT ?")) {
                ps.setString(1, like);
                ps.setInt(2, limit);
                List<String> codes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
                return codes;
            }
        });
    }

    /** Every stored code, lower-cased: an import looks up only the codes that exist. */
    public Set<String> codes() {
        return database.read(c -> {
            Set<String> codes = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM dataset");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
            return codes;
        });
    }

    /** How many datasets the workbench holds. */
    public long total() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM dataset");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /**
     * A new dataset made ready for {@link #insert(Tx, Staged, String)} away from the writer: its id and stamps,
     * its search text and its audit snapshot. Imports stage rows on their reading thread.
     */
    public static final class Staged {
        private final Dataset dataset;
        private final String searchTerms;
        private final String snapshotJson;

        private Staged(Dataset dataset) {
            this.dataset = dataset;
            this.searchTerms = DatasetSearchIndex.terms(dataset);
            this.snapshotJson = AuditLog.json(snapshot(dataset));
        }

        public Dataset dataset() {
            return dataset;
        }
    }

    /** Gives a new dataset its id (unless it brings one) and stamps, and prepares what storing it writes. */
    public static Staged stage(Dataset d) {
        Instant now = Instant.now();
        // A JSON import brings the record's own id and stamps; everything else is new now.
        return new Staged(d.withIdentity(d.id() == null ? UUID.randomUUID() : d.id(),
                d.createdAt() == null ? now : d.createdAt(), d.updatedAt() == null ? now : d.updatedAt()));
    }

    /** Stores a new dataset with a fresh id, indexes it for search and appends its audit event. */
    public Dataset insert(Tx tx, Dataset d, String reason) {
        return insert(tx, stage(d), reason);
    }

    /** Stores a staged dataset, indexes it for search and appends its audit event. */
    public Dataset insert(Tx tx, Staged staged, String reason) {
        Dataset stored = staged.dataset;
        try {
            PreparedStatement ps = tx.prepare(INSERT);
            ps.setString(1, stored.id().toString());
            int i = bindContent(ps, 2, stored);
            ps.setString(i++, stored.createdAt().toString());
            ps.setString(i, stored.updatedAt().toString());
            ps.executeUpdate();
            long rowKey = lastRowKey(tx);
            DatasetSearchIndex.index(tx, rowKey, staged.searchTerms);
        } catch (SQLException e) {
            throw new StoreException("Cannot add dataset " + stored.code() + ": " + e.getMessage(), e);
        }
        tx.auditJson(ENTITY, stored.id().toString(), "create", null, staged.snapshotJson, reason);
        return stored;
    }

    /**
     * Replaces the content of {@code current} with {@code changed} (same id), except the level, and records only
     * the fields that changed; returns {@code current} untouched when nothing did.
     */
    public Dataset update(Tx tx, Dataset current, Dataset changed, String reason) {
        // The level is not the record's to change: DecisionRepository sets it from the latest decision.
        changed = changed.withClassification(current.classification());
        if (current.sameContent(changed)) {
            return current;
        }
        Dataset stored = changed.withIdentity(current.id(), current.createdAt(), Instant.now());
        try {
            long rowKey = rowKey(tx, current.id());
            PreparedStatement ps = tx.prepare(UPDATE);
            int i = bindContent(ps, 1, stored);
            ps.setString(i++, stored.updatedAt().toString());
            ps.setLong(i, rowKey);
            ps.executeUpdate();
            DatasetSearchIndex.remove(tx, rowKey);
            DatasetSearchIndex.index(tx, rowKey, DatasetSearchIndex.terms(stored));
        } catch (SQLException e) {
            throw new StoreException("Cannot update dataset " + current.code() + ": " + e.getMessage(), e);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<DatasetColumn, String> was = current.columns();
        Map<DatasetColumn, String> now = stored.columns();
        for (DatasetColumn column : DatasetColumn.values()) {
            if (!java.util.Objects.equals(was.get(column), now.get(column))) {
                before.put(column.header(), was.get(column));
                after.put(column.header(), now.get(column));
            }
        }
        tx.audit(ENTITY, stored.id().toString(), "update", before, after, reason);
        return stored;
    }

    private static long rowKey(Tx tx, UUID id) throws SQLException {
        PreparedStatement ps = tx.prepare("SELECT row_key FROM dataset WHERE id = ?");
        ps.setString(1, id.toString());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("Dataset " + id + " is no longer in the workbench", null);
            }
            return rs.getLong(1);
        }
    }

    private static long lastRowKey(Tx tx) throws SQLException {
        try (ResultSet rs = tx.prepare("SELECT last_insert_rowid()").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The audit snapshot of a record: every canonical column that has a value, by its file name. */
    public static Map<String, Object> snapshot(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        d.columns().forEach((column, value) -> {
            if (value != null) {
                m.put(column.header(), value);
            }
        });
        return m;
    }

    static int bindContent(PreparedStatement ps, int start, Dataset d) throws SQLException {
        int i = start;
        ps.setString(i++, d.code());
        ps.setString(i++, d.titleEn());
        ps.setString(i++, d.titleTc());
        ps.setString(i++, d.descriptionEn());
        ps.setString(i++, d.descriptionTc());
        ps.setString(i++, d.department());
        ps.setString(i++, d.custodian());
        ps.setString(i++, d.contactEmail());
        ps.setString(i++, d.category());
        ps.setString(i++, Dataset.join(d.keywords()));
        ps.setString(i++, Dataset.join(d.formats()));
        ps.setString(i++, d.updateFrequency() == null ? null : d.updateFrequency().code());
        ps.setString(i++, d.sourceSystem());
        ps.setString(i++, d.personalData().code());
        ps.setString(i++, Dataset.join(d.personalDataCategories()));
        ps.setString(i++, d.classification());
        ps.setString(i++, d.openDataStatus().code());
        ps.setString(i++, d.retention() == null ? null : d.retention().code());
        ps.setInt(i++, d.crossBoundary() ? 1 : 0);
        ps.setString(i++, d.encryptionAtRest().code());
        ps.setString(i++, d.lifecycleStatus().code());
        ps.setString(i++, d.landingPage());
        if (d.lastUpdated() == null) {
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setString(i++, d.lastUpdated().toString());
        }
        return i;
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(",")).map(String::strip).map(c -> "d." + c)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    static Dataset read(ResultSet rs) throws SQLException {
        return new Dataset(
                UUID.fromString(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                split(rs.getString(12)),
                split(rs.getString(13)),
                CodedValue.parse(UpdateFrequency.class, rs.getString(14)),
                rs.getString(15),
                CodedValue.parse(PersonalData.class, rs.getString(16)),
                split(rs.getString(17)),
                rs.getString(18),
                CodedValue.parse(OpenDataStatus.class, rs.getString(19)),
                Retention.parse(rs.getString(20)).orElse(null),
                rs.getInt(21) == 1,
                CodedValue.parse(EncryptionAtRest.class, rs.getString(22)),
                CodedValue.parse(LifecycleStatus.class, rs.getString(23)),
                rs.getString(24),
                rs.getString(25) == null ? null : LocalDate.parse(rs.getString(25)),
                Instant.parse(rs.getString(26)),
                Instant.parse(rs.getString(27)));
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : List.of(joined.split(Dataset.SEPARATOR));
    }

    /** The WHERE clause of a query and its parameters, optionally leaving one facet's filter out. */
    private record Where(String sql, List<String> params) {

        static Where of(DatasetQuery query, DatasetFacet except) {
            List<String> clauses = new ArrayList<>();
            List<String> params = new ArrayList<>();
            String match = DatasetSearchIndex.match(query.text());
            if (match != null) {
                clauses.add("d.row_key IN (SELECT rowid FROM dataset_search WHERE dataset_search MATCH ?)");
                params.add(match);
            }
            query.filters().forEach((facet, values) -> {
                if (facet == except) {
                    return;
                }
                String column = FACET_COLUMN.get(facet);
                List<String> named = values.stream().filter(v -> !v.equals(DatasetFacet.NONE)).sorted().toList();
                List<String> parts = new ArrayList<>();
                if (!named.isEmpty()) {
                    parts.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(named.size(), "?"))
                            + ")");
                    params.addAll(named);
                }
                if (values.contains(DatasetFacet.NONE)) {
                    parts.add(column + " IS NULL");
                }
                clauses.add("(" + String.join(" OR ", parts) + ")");
            });
            return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
        }

        int bind(PreparedStatement ps, int start) throws SQLException {
            int i = start;
            for (String p : params) {
                ps.setString(i++, p);
            }
            return i;
        }
    }

}
