package org.custodian.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The plain-JDBC baselines the benchmarks compare the app against, on the same machine in the same run:
 * what SQLite does with no audit chain, no checks and no pragmas of ours.
 */
public final class RawBaseline {

    private RawBaseline() {
    }

    /** Batch-inserts organisation rows in one transaction into a fresh file with the same table; returns ns. */
    public static long insertOrganisations(Path file, List<String[]> rows) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE organisation (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE COLLATE NOCASE,
                      name_en TEXT, name_tc TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""");
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO organisation VALUES (?, ?, ?, ?, ?, ?)")) {
                String now = Instant.now().toString();
                for (String[] r : rows) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, r[0]);
                    ps.setString(3, r[1]);
                    ps.setString(4, r[2]);
                    ps.setString(5, now);
                    ps.setString(6, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new StoreException("raw insert baseline failed", e);
        }
    }

    /** Reads every audit row once, touching each column; returns ns. */
    public static long scanAuditTable(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            long start = System.nanoTime();
            long chars = 0;
            try (ResultSet rs = s.executeQuery("SELECT * FROM audit_event ORDER BY seq")) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        String v = rs.getString(i);
                        chars += v == null ? 0 : v.length();
                    }
                }
            }
            long elapsed = System.nanoTime() - start;
            if (chars < 0) {
                throw new IllegalStateException("unreachable: keeps the reads from being optimised away");
            }
            return elapsed;
        } catch (SQLException e) {
            throw new StoreException("raw scan baseline failed", e);
        }
    }

    /** Opens a plain connection and runs one query; returns ns. */
    public static long openAndQuery(Path file) {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event")) {
            rs.next();
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new StoreException("raw open baseline failed", e);
        }
    }

    /** Copies the file's bytes (no consistency, no check); returns ns. */
    public static long copyFile(Path from, Path to) throws IOException {
        long start = System.nanoTime();
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return System.nanoTime() - start;
    }

    /**
     * Batch-inserts dataset rows (canonical column order) into the {@code dataset} table of a freshly migrated
     * workbench file in one transaction: the same table and indexes, no audit, no checks; with
     * {@code searchTerms}, also the same search-index rows (text prepared beforehand, outside the timing). A row
     * with a level gets its decision row, as the app records one.
     * Returns ns.
     */
    public static long insertDatasets(Path file, List<String[]> rows, List<String> searchTerms) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            long start = System.nanoTime();
            c.setAutoCommit(false);
            String[] ids = new String[rows.size()];
            try (PreparedStatement ps = c.prepareStatement(DatasetRepository.INSERT)) {
                String now = Instant.now().toString();
                int n = 0;
                for (String[] r : rows) {
                    int i = 1;
                    ids[n] = UUID.randomUUID().toString();
                    ps.setString(i++, ids[n++]);
                    for (int k = 0; k < 13; k++) {
                        ps.setString(i++, r[k]);
                    }
                    ps.setString(i++, r[13] == null ? "not-recorded" : r[13]);
                    for (int k = 14; k < 18; k++) {
                        ps.setString(i++, r[k]);
                    }
                    ps.setInt(i++, "yes".equals(r[18]) ? 1 : 0);
                    ps.setString(i++, r[19] == null ? "not-recorded" : r[19]);
                    ps.setString(i++, r[20]);
                    ps.setString(i++, r[21]);
                    ps.setString(i++, r[22]);
                    ps.setString(i++, now);
                    ps.setString(i, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // A level is recorded as a decision: the same row the app writes, without its checks or audit.
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO classification_decision (id, dataset_id, status, level, rationale, decided_by,
                        effective_from, review_due, recorded_at, recorded_by)
                    VALUES (?, ?, 'confirmed', ?, 'raw baseline', 'bench', date('now'), date('now', '+1 year'),
                        ?, 'bench')""")) {
                String now = Instant.now().toString();
                for (int k = 0; k < rows.size(); k++) {
                    String level = rows.get(k)[15];
                    if (level != null && !level.isBlank()) {
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.setString(2, ids[k]);
                        ps.setString(3, level.strip().toUpperCase(java.util.Locale.ROOT));
                        ps.setString(4, now);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            if (searchTerms != null) {
                // A fresh table numbers the rows 1..n in insert order.
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_search (rowid, terms) VALUES (?, ?)")) {
                    for (int k = 0; k < rows.size(); k++) {
                        ps.setLong(1, k + 1L);
                        ps.setString(2, searchTerms.get(k));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new StoreException("raw dataset insert baseline failed: " + e.getMessage(), e);
        }
    }

    /**
     * One transaction per dataset, as a user's reclassifications are: insert a decision row and set the dataset's
     * level, with the app's connection settings (full sync, the level trigger runs) and no checks or audit.
     * Returns ns.
     */
    public static long decisionWrites(Path file, List<String> datasetIds, String level) {
        try (Connection c = Connections.open(file, false)) {
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO classification_decision (id, dataset_id, status, level, rationale, decided_by,
                        effective_from, review_due, recorded_at, recorded_by)
                    VALUES (?, ?, 'confirmed', ?, 'raw baseline', 'bench', date('now'), date('now', '+1 year'), ?,
                        'bench')""");
                 PreparedStatement update = c.prepareStatement("UPDATE dataset SET classification = ? WHERE id = ?")) {
                for (String id : datasetIds) {
                    c.setAutoCommit(false);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, id);
                    insert.setString(3, level);
                    insert.setString(4, Instant.now().toString());
                    insert.executeUpdate();
                    update.setString(1, level);
                    update.setString(2, id);
                    update.executeUpdate();
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new StoreException("raw decision baseline failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes answers to one assessment the plainest way: each an upsert of its row in a transaction of its own, as
     * autosave commits each answer, with no checks, no visibility, no score and no audit. Returns ns.
     */
    public static long answerWrites(Path file, String assessmentId, List<String[]> answers) {
        try (Connection c = Connections.open(file, false)) {
            long start = System.nanoTime();
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO assessment_answer (assessment_key, question_id, value, note, active, prefilled_from,
                        changed_at, changed_by)
                    VALUES ((SELECT row_key FROM assessment WHERE id = ?), ?, ?, '', 1, '', ?, 'bench')
                    ON CONFLICT (assessment_key, question_id) DO UPDATE SET value = excluded.value,
                        changed_at = excluded.changed_at""")) {
                for (String[] a : answers) {
                    c.setAutoCommit(false);
                    upsert.setString(1, assessmentId);
                    upsert.setString(2, a[0]);
                    upsert.setString(3, a[1]);
                    upsert.setString(4, Instant.now().toString());
                    upsert.executeUpdate();
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new StoreException("raw answer baseline failed: " + e.getMessage(), e);
        }
    }

    /**
     * Batch-inserts agreement rows (the CSV's column order) with their parties and covered datasets into a
     * workbench whose organisations and datasets exist, in one transaction: the same tables and indexes, no checks,
     * no timeline, no audit. Returns ns.
     */
    public static long insertAgreements(Path file, List<String[]> rows) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            long start = System.nanoTime();
            c.setAutoCommit(false);
            String now = Instant.now().toString();
            try (PreparedStatement agreement = c.prepareStatement("""
                    INSERT INTO agreement (id, reference, title, type, status, purpose, legal_basis,
                        personal_data_categories, classification_ceiling, mechanism, frequency, cross_boundary,
                        destinations, transfer_mechanism, safeguards, effective_from, expires_on, review_due, created_at,
                        updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement party = c.prepareStatement("""
                    INSERT INTO agreement_party (agreement_key, position, organisation, role, signatory, signed_on)
                    VALUES (?, ?, ?, ?, ?, ?)""");
                 PreparedStatement dataset = c.prepareStatement("""
                    INSERT INTO agreement_dataset (agreement_key, position, dataset_key, data_items)
                    VALUES (?, ?, (SELECT row_key FROM dataset WHERE code = ?), ?)""")) {
                for (String[] r : rows) {
                    int i = 1;
                    agreement.setString(i++, UUID.randomUUID().toString());
                    for (org.custodian.model.sharing.AgreementColumn col : List.of(
                            org.custodian.model.sharing.AgreementColumn.REFERENCE,
                            org.custodian.model.sharing.AgreementColumn.TITLE,
                            org.custodian.model.sharing.AgreementColumn.TYPE,
                            org.custodian.model.sharing.AgreementColumn.STATUS,
                            org.custodian.model.sharing.AgreementColumn.PURPOSE,
                            org.custodian.model.sharing.AgreementColumn.LEGAL_BASIS,
                            org.custodian.model.sharing.AgreementColumn.PERSONAL_DATA_CATEGORIES,
                            org.custodian.model.sharing.AgreementColumn.CLASSIFICATION_CEILING,
                            org.custodian.model.sharing.AgreementColumn.MECHANISM,
                            org.custodian.model.sharing.AgreementColumn.FREQUENCY)) {
                        agreement.setString(i++, r[col.ordinal()]);
                    }
                    agreement.setInt(i++, "yes".equals(r[org.custodian.model.sharing.AgreementColumn.CROSS_BOUNDARY
                            .ordinal()]) ? 1 : 0);
                    for (org.custodian.model.sharing.AgreementColumn col : List.of(
                            org.custodian.model.sharing.AgreementColumn.DESTINATIONS,
                            org.custodian.model.sharing.AgreementColumn.TRANSFER_MECHANISM,
                            org.custodian.model.sharing.AgreementColumn.SAFEGUARDS,
                            org.custodian.model.sharing.AgreementColumn.EFFECTIVE_FROM,
                            org.custodian.model.sharing.AgreementColumn.EXPIRES_ON,
                            org.custodian.model.sharing.AgreementColumn.REVIEW_DUE)) {
                        agreement.setString(i++, r[col.ordinal()]);
                    }
                    agreement.setString(i++, now);
                    agreement.setString(i, now);
                    agreement.executeUpdate();
                    long key;
                    try (ResultSet keys = agreement.getGeneratedKeys()) {
                        keys.next();
                        key = keys.getLong(1);
                    }
                    int position = 0;
                    for (String p : r[org.custodian.model.sharing.AgreementColumn.PARTIES.ordinal()].split(";")) {
                        String[] roleRest = p.split(":", 2);
                        String[] parts = roleRest[1].split("\\|", -1);
                        party.setLong(1, key);
                        party.setInt(2, position++);
                        party.setString(3, parts[0]);
                        party.setString(4, roleRest[0]);
                        party.setString(5, parts.length > 1 ? parts[1] : null);
                        party.setString(6, parts.length > 2 ? parts[2] : null);
                        party.addBatch();
                    }
                    position = 0;
                    for (String d : r[org.custodian.model.sharing.AgreementColumn.DATASETS.ordinal()].split(";")) {
                        int paren = d.indexOf('(');
                        dataset.setLong(1, key);
                        dataset.setInt(2, position++);
                        dataset.setString(3, (paren < 0 ? d : d.substring(0, paren)).strip());
                        dataset.setString(4, paren < 0 ? null : d.substring(paren + 1, d.lastIndexOf(')')).strip());
                        dataset.addBatch();
                    }
                }
                party.executeBatch();
                dataset.executeBatch();
            }
            c.commit();
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new StoreException("raw agreement insert baseline failed: " + e.getMessage(), e);
        }
    }

    /** The search index's text and MATCH expression as the repository builds them, for the raw baselines. */
    public static String searchTerms(String[] row) {
        return DatasetSearchIndex.terms(row);
    }

    public static String searchMatch(String text) {
        return DatasetSearchIndex.match(text);
    }

    /** A plain connection that times one query with one text parameter, reading every column of every row. */
    public static final class Query implements AutoCloseable {
        /** The first 100 datasets by code whose search index matches. */
        public static final String FTS = "SELECT * FROM dataset WHERE row_key IN (SELECT rowid FROM"
                + " dataset_search WHERE dataset_search MATCH ?) ORDER BY code LIMIT 100";
        /**
         * The classification reviews due by a date, as plain SQL would list them when every dataset has exactly one
         * decision: a join, without choosing the latest decision or adding the access reviews.
         */
        public static final String DECISIONS_DUE = "SELECT d.id, d.code, coalesce(d.title_en, d.title_tc),"
                + " d.department, d.classification, c.review_due, c.effective_from FROM dataset d"
                + " JOIN classification_decision c ON c.dataset_id = d.id WHERE c.review_due <= ?"
                + " ORDER BY c.review_due";
        /** The first 100 datasets by code with the text anywhere in a searched column, by scanning. */
        public static final String LIKE_SCAN = "SELECT * FROM dataset WHERE code LIKE ?1 OR title_en LIKE ?1 OR"
                + " title_tc LIKE ?1 OR description_en LIKE ?1 OR description_tc LIKE ?1 OR keywords LIKE ?1 OR"
                + " custodian LIKE ?1 OR contact_email LIKE ?1 OR source_system LIKE ?1 ORDER BY code LIMIT 100";

        /** A page of agreements in one status by expiry, every column, without their parties or datasets. */
        public static final String AGREEMENTS_PAGE = "SELECT * FROM agreement WHERE status = ? ORDER BY expires_on,"
                + " row_key LIMIT 100";
        /** The first 100 agreements by reference with the text in the reference, title or purpose, by scanning. */
        public static final String AGREEMENTS_LIKE = "SELECT * FROM agreement WHERE reference LIKE ?1 OR title LIKE ?1"
                + " OR purpose LIKE ?1 ORDER BY reference LIMIT 100";

        public static final String AGREEMENTS_COUNT = "SELECT count(*) FROM agreement WHERE status = ?";
        /** How many agreements have the text in the reference, title or purpose (the page's count). */
        public static final String AGREEMENTS_LIKE_COUNT = "SELECT count(*) FROM agreement WHERE reference LIKE ?1"
                + " OR title LIKE ?1 OR purpose LIKE ?1";
        /** Expiries and reviews falling due by a date, without the parties' names the app's list shows. */
        public static final String AGREEMENTS_DUE = "SELECT id, reference, title, type, status, 'expiry', expires_on"
                + " FROM agreement WHERE status IN ('active', 'suspended') AND expires_on <= ?1 UNION ALL"
                + " SELECT id, reference, title, type, status, 'review', review_due FROM agreement"
                + " WHERE status NOT IN ('terminated', 'expired') AND review_due <= ?1 ORDER BY 7, 2";

        /**
         * The dataset table's classification, department, personal-data and open-data counts as plain GROUP BYs,
         * leaving out one lifecycle: the dataset part of the dashboard, without its agreements, reviews, assessments
         * or names.
         */
        public static final String DATASET_FACET_COUNTS = "SELECT 'c', classification, count(*) FROM dataset"
                + " WHERE lifecycle_status <> ?1 GROUP BY 2 UNION ALL SELECT 'd', department, count(*) FROM dataset"
                + " WHERE lifecycle_status <> ?1 GROUP BY 2 UNION ALL SELECT 'p', personal_data, count(*) FROM dataset"
                + " WHERE lifecycle_status <> ?1 GROUP BY 2 UNION ALL SELECT 'o', open_data_status, count(*)"
                + " FROM dataset WHERE lifecycle_status <> ?1 GROUP BY 2";

        private final Connection connection;

        public Query(Path file) {
            try {
                connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                // The same page cache as the app's connections, so the ratio shows the app's own overhead.
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA cache_size = -32000");
                }
            } catch (SQLException e) {
                throw new StoreException("raw query baseline failed: " + e.getMessage(), e);
            }
        }

        /** Runs the query once; returns ns. */
        public long time(String sql, String parameter) {
            long start = System.nanoTime();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, parameter);
                long chars = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= cols; i++) {
                            String v = rs.getString(i);
                            chars += v == null ? 0 : v.length();
                        }
                    }
                }
                if (chars < 0) {
                    throw new IllegalStateException("unreachable");
                }
                return System.nanoTime() - start;
            } catch (SQLException e) {
                throw new StoreException("raw query baseline failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a benchmark connection
            }
        }
    }
}
