package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CustodianCli.execute(new CliContext(dir.resolve("home/workbench.db"), "cli-officer",
                new PrintWriter(out), new PrintWriter(err)), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path loaded() {
        Path db = dir.resolve("w.db");
        assertEquals(0, run("--db", db.toString(), "sample", "load").exit());
        return db;
    }

    @Test
    void sampleLoadFillsAGivenFileAndIsIdempotent() {
        Path db = dir.resolve("new/w.db");
        Run first = run("--db", db.toString(), "sample", "load");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("organisations.csv: 118 created"), first.out());
        assertTrue(first.out().contains("categories.csv: 20 created"), first.out());
        assertTrue(first.out().contains("formats.csv: 38 created"), first.out());
        Run second = run("--db", db.toString(), "sample", "load");
        assertTrue(second.out().contains("organisations.csv: 0 created, 0 updated, 118 unchanged"), second.out());
        assertTrue(first.out().contains("assessments.yaml: 7 created, 0 updated, 0 unchanged, 0 rejected"),
                first.out());
        assertTrue(second.out().contains("assessments.yaml: 0 created, 0 updated, 7 unchanged, 0 rejected"),
                second.out());
    }

    @Test
    void theDefaultFileIsUsedWithoutDb() {
        assertEquals(0, run("sample", "load").exit());
        assertTrue(Files.exists(dir.resolve("home/workbench.db")));
    }

    @Test
    void auditHeadPrintsSequenceAndHashThatVerifyAccepts() {
        Path db = loaded();
        Run head = run("--db", db.toString(), "audit", "head");
        assertEquals(0, head.exit());
        String text = head.out().strip();
        // 1060 events for the lists, inventory, decisions, reviews and agreements, and 481 for the assessments.
        assertTrue(text.matches("1550:[0-9a-f]{64}"), text);
        Run verify = run("--db", db.toString(), "audit", "verify", "--expect", text);
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().startsWith("intact: 1550 events"), verify.out());
    }

    @Test
    void tamperingWithTheSqlite3ToolMakesVerifyExitOne() throws Exception {
        Path db = loaded();
        tamper(db, "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET actor = 'mallory' WHERE seq = 42;");
        Run verify = run("--db", db.toString(), "audit", "verify");
        assertEquals(1, verify.exit());
        assertTrue(verify.out().contains("broken at sequence 42"), verify.out());
        assertTrue(verify.err().contains(db.getFileName().toString()), verify.err());
    }

    /** Changes the file as an outsider would: with the sqlite3 tool where it is installed (CI installs it). */
    private static void tamper(Path db, String sql) throws Exception {
        boolean hasTool = List.of(System.getenv("PATH").split(java.io.File.pathSeparator)).stream()
                .anyMatch(p -> Files.isExecutable(Path.of(p, "sqlite3")));
        if (hasTool) {
            Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
        } else {
            TestFiles.execute(db, sql.split(";\\s*"));
        }
    }

    @Test
    void refusalsAreOneOrTwoLinesNamingTheFileWithExitThree() throws Exception {
        Path missing = dir.resolve("nowhere.db");
        Run r = run("--db", missing.toString(), "audit", "head");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("nowhere.db") && r.err().contains("does not exist"), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(missing), "a read-only command creates nothing");

        Path text = dir.resolve("letter.db");
        Files.writeString(text, "Dear officer");
        Run notDb = run("--db", text.toString(), "backup", dir.resolve("b.db").toString());
        assertEquals(3, notDb.exit());
        assertTrue(notDb.err().contains("letter.db") && notDb.err().contains("not an SQLite database"), notDb.err());
        assertEquals("Dear officer", Files.readString(text));
    }

    @Test
    void aNewerSchemaIsRefusedWithExitThree() throws Exception {
        Path db = loaded();
        TestFiles.execute(db, """
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                  installed_by, installed_on, execution_time, success)
                VALUES (50, '50', 'future', 'SQL', 'V50__future.sql', 0, 'x', datetime('now'), 1, 1)
                """);
        Run r = run("--db", db.toString(), "sample", "load");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("newer Custodian"), r.err());
    }

    @Test
    void aDamagedFileGetsTheNewestVerifiedBackupOffered() throws Exception {
        Path db = loaded();
        Path backup = dir.resolve("backups/w-20261129-120000-000-manual.db");
        assertEquals(0, run("--db", db.toString(), "backup", backup.toString()).exit());
        Files.writeString(db, "overwritten by a faulty sync tool");
        Run r = run("--db", db.toString(), "audit", "verify");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("A verified backup exists; restore it with: custodian --db " + db + " restore "
                + backup), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());

        Run restore = run("--db", db.toString(), "restore", backup.toString());
        assertEquals(0, restore.exit(), restore.err());
        assertEquals(0, run("--db", db.toString(), "audit", "verify").exit());
    }

    @Test
    void backupRefusesToOverwriteAndRestoreKeepsTheReplacedFile() throws Exception {
        Path db = loaded();
        Path out = dir.resolve("copy.db");
        assertEquals(0, run("--db", db.toString(), "backup", out.toString()).exit());
        Run again = run("--db", db.toString(), "backup", out.toString());
        assertEquals(3, again.exit());
        assertTrue(again.err().contains("--overwrite"), again.err());
        assertEquals(0, run("--db", db.toString(), "backup", "--overwrite", out.toString()).exit());

        Run restore = run("--db", db.toString(), "restore", out.toString());
        assertEquals(0, restore.exit(), restore.err());
        assertTrue(restore.err().contains("the replaced file was kept as"), restore.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("frobnicate").exit());
        assertEquals(2, run("audit", "verify", "--expect", "nonsense").exit());
        assertEquals(2, run("backup").exit());
    }

    @Test
    void theStoreBenchmarkPrintsRatiosAndLeavesNothingBehind() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("bench"));
        Run r = run("bench", "store", "--events", "300", "--dir", scratch.toString());
        assertEquals(0, r.exit(), r.err());
        for (String key : new String[] {"events=300", "audited_vs_raw_insert=", "verify_vs_raw_scan=",
                "open_vs_raw_open=", "backup_vs_raw_copy="}) {
            assertTrue(r.out().contains(key), key + " in " + r.out());
        }
        try (var left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList());
        }
        assertFalse(Files.exists(dir.resolve("home/workbench.db")), "the workbench file is not touched");
    }

    @Test
    void theDashboardBenchmarkPrintsItsFiguresAndRatio() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("bench-dashboard"));
        Run r = run("bench", "dashboard", "--datasets", "300", "--agreements", "40", "--dir", scratch.toString());
        assertEquals(0, r.exit(), r.err());
        for (String key : new String[] {"datasets=300", "agreements=40", "first_load_ms=", "load_p95_ms=",
                "raw_group_by_p95_ms=", "load_vs_raw_group_by="}) {
            assertTrue(r.out().contains(key), key + " in " + r.out());
        }
        assertFalse(Files.exists(dir.resolve("home/workbench.db")), "the workbench file is not touched");
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("backup") && help.out().contains("restore") && help.out().contains("audit"));
        assertEquals(0, run("--version").exit());
    }
}
