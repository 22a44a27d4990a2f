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
}
