package org.custodian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void newFileIsOwnerOnlyAndAtTheLatestSchema() throws Exception {
        Path file = dir.resolve("new/workbench.db");
        try (Database db = TestFiles.create(file)) {
            assertEquals(SchemaMigrations.latestKnownVersion(), db.schemaVersion());
            assertEquals(SchemaMigrations.latestKnownVersion(), db.schemaVersion());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void everyConnectionGetsThePragmas() {
        try (Database db = TestFiles.create(dir.resolve("w.db"))) {
            Map<String, String> writer = db.inTransaction(tx -> pragmas(tx.connection()));
            Map<String, String> reader = db.read(DatabaseTest::pragmas);
            for (Map<String, String> p : java.util.List.of(writer, reader)) {
                assertEquals("1", p.get("foreign_keys"));
                assertEquals("wal", p.get("journal_mode"));
                assertEquals(String.valueOf(Connections.BUSY_TIMEOUT_MS), p.get("busy_timeout"));
                assertEquals("0", p.get("trusted_schema"));
            }
            assertEquals("2", writer.get("synchronous"), "FULL on the writer");
        }
    }

    private static Map<String, String> pragmas(Connection c) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : new String[] {"foreign_keys", "journal_mode", "synchronous", "busy_timeout", "trusted_schema"}) {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + p)) {
                rs.next();
                values.put(p, rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return values;
    }

    @Test
    void migratesFromThePreviousSchemaAfterAVerifiedBackup() throws Exception {
        Path file = dir.resolve("old.db");
        try (Database v1 = Database.open(file, Access.READ_WRITE, TestFiles.ACTOR, true, "1")) {
            assertEquals("1", v1.schemaVersion());
            v1.recordEvent("workbench", "workbench", "note", Map.of("written_by", "schema 1"), "before the upgrade");
            v1.recordEvent("workbench", "workbench", "note", Map.of("n", 2), null);
        }
        try (Database db = TestFiles.create(file)) {
            assertEquals(SchemaMigrations.latestKnownVersion(), db.schemaVersion());
            Path backup = db.preMigrationBackup();
            assertNotNull(backup, "a backup is taken before migrating an existing file");
            assertTrue(backup.getFileName().toString().contains("before-migration-v1"));
            assertTrue(SqliteFiles.passesIntegrityCheck(backup));
            assertEquals(java.util.List.of("1"), TestFiles.column(backup,
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"));
            ChainVerdict verdict = db.verifyAuditChain(null, null);
            assertTrue(verdict.isIntact());
            assertEquals(2, verdict.eventsChecked(), "the events written under schema 1 are kept");
            assertEquals(0, new ReferenceRepository(db).count(ReferenceList.ORGANISATION, ""));
        }
    }

    @Test
    void migratingAnEmptyFileNeedsNoBackup() throws Exception {
        Path file = dir.resolve("empty.db");
        Files.createFile(file);
        try (Database db = TestFiles.create(file)) {
            assertEquals(SchemaMigrations.latestKnownVersion(), db.schemaVersion());
            assertEquals(null, db.preMigrationBackup());
        }
    }

    @Test
    void refusesAFileFromANewerSchemaAndLeavesItAlone() throws Exception {
        Path file = TestFiles.withOrganisations(dir.resolve("future.db"), 3);
        TestFiles.execute(file, """
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                  installed_by, installed_on, execution_time, success)
                VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'x', datetime('now'), 1, 1)
                """);
        String before = TestFiles.sha256(file);
        var e = assertThrows(WorkbenchAccessException.class, () -> TestFiles.create(file));
        assertEquals(Reason.NEWER_SCHEMA, e.reason());
        assertTrue(e.getMessage().contains("newer Custodian"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()));
        assertEquals(before, TestFiles.sha256(file));
        var ro = assertThrows(WorkbenchAccessException.class,
                () -> Database.open(file, Access.READ_ONLY, TestFiles.ACTOR, false));
        assertEquals(Reason.NEWER_SCHEMA, ro.reason());
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "These are my notes, not a database.");
        var e = assertThrows(WorkbenchAccessException.class, () -> TestFiles.create(file));
        assertEquals(Reason.NOT_SQLITE, e.reason());
        assertEquals("These are my notes, not a database.", Files.readString(file));
    }

    @Test
    void refusesAnotherApplicationsSqliteDatabase() throws Exception {
        Path file = dir.resolve("other.db");
        TestFiles.execute(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)",
                "INSERT INTO invoices (amount) VALUES (12.5)");
        var e = assertThrows(WorkbenchAccessException.class, () -> TestFiles.create(file));
        assertEquals(Reason.NOT_A_WORKBENCH, e.reason());
        assertEquals(java.util.List.of("invoices"), TestFiles.column(file,
                "SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    @Test
    void refusesAMissingFileUnlessAskedToCreateIt() {
        Path file = dir.resolve("missing.db");
        var e = assertThrows(WorkbenchAccessException.class,
                () -> Database.open(file, Access.READ_ONLY, TestFiles.ACTOR, false));
        assertEquals(Reason.MISSING, e.reason());
        assertFalse(Files.exists(file));
    }

    @Test
    void refusesADamagedFile() throws Exception {
        Path file = TestFiles.withOrganisations(dir.resolve("damaged.db"), 400);
        long size = Files.size(file);
        assertTrue(size > 8 * 4096, "enough pages to damage");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(3 * 4096);
            byte[] junk = new byte[4 * 4096];
            new java.util.Random(7).nextBytes(junk);
            raf.write(junk);
        }
        var e = assertThrows(WorkbenchAccessException.class, () -> TestFiles.create(file));
        assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
        assertTrue(e.restoreMayHelp());
    }

    @Test
    void aFailedTransactionLeavesNeitherTheChangeNorItsAuditEvent() {
        try (Database db = TestFiles.create(dir.resolve("w.db"))) {
            ReferenceRepository repo = new ReferenceRepository(db);
            assertThrows(IllegalStateException.class, () -> db.inTransaction(tx -> {
                repo.insert(tx, ReferenceList.CATEGORY, "health", "Health", "衞生");
                throw new IllegalStateException("the disk filled up");
            }));
            assertEquals(0, repo.count(ReferenceList.CATEGORY, ""));
            assertEquals(0, db.auditEventCount());
        }
    }

    @Test
    void aChangeWhoseAuditEventFailedIsNeverCommittedEvenIfTheErrorIsCaught() {
        try (Database db = TestFiles.create(dir.resolve("w.db"))) {
            ReferenceRepository repo = new ReferenceRepository(db);
            assertThrows(StoreException.class, () -> db.inTransaction(tx -> {
                repo.insert(tx, ReferenceList.CATEGORY, "health", "Health", "衞生");
                try {
                    Map<String, Object> unwritable = new LinkedHashMap<>();
                    unwritable.put("self", unwritable); // JSON cannot write a map that contains itself
                    tx.audit("category", "x", "update", null, unwritable, null);
                } catch (StoreException swallowed) {
                    // a careless caller carries on
                }
                return null;
            }));
            assertEquals(0, repo.count(ReferenceList.CATEGORY, ""));
            assertEquals(0, db.auditEventCount());
        }
    }

    @Test
    void transactionsDoNotNest() {
        try (Database db = TestFiles.create(dir.resolve("w.db"))) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(outer ->
                    db.inTransaction(inner -> null)));
            assertEquals(0, db.auditEventCount());
        }
    }

    @Test
    void anExistingEmptyFileIsNotTakenOverUnlessAskedToCreate() throws Exception {
        Path file = dir.resolve("someone-elses.db");
        Files.createFile(file);
        var e = assertThrows(WorkbenchAccessException.class,
                () -> Database.open(file, Access.READ_WRITE, TestFiles.ACTOR, false));
        assertEquals(Reason.NOT_A_WORKBENCH, e.reason());
        assertEquals(0, Files.size(file));
    }

    @Test
    void auditEventsCannotBeChangedThroughTheApp() {
        try (Database db = TestFiles.create(dir.resolve("w.db"))) {
            db.recordEvent("workbench", "workbench", "note", Map.of("a", 1), null);
            var e = assertThrows(StoreException.class, () -> db.inTransaction(tx -> {
                try (var s = tx.connection().createStatement()) {
                    return s.executeUpdate("UPDATE audit_event SET actor = 'someone else'");
                }
            }));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            assertEquals(TestFiles.ACTOR, db.auditHistory("workbench", "workbench").get(0).actor());
        }
    }
}
