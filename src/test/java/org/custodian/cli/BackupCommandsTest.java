package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup --encrypt, restore with a passphrase file, backups list and rotation, as a script would use them. */
class BackupCommandsTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir, args);
    }

    private Path loaded() {
        Path db = dir.resolve("w.db");
        assertEquals(0, run("--db", db.toString(), "sample", "load").exit());
        return db;
    }

    @Test
    void anEncryptedBackupRestoresWithItsPassphraseFileAndRefusesAWrongOne() throws Exception {
        Path db = loaded();
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "a long enough passphrase\n");
        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "not the passphrase at all\n");
        Path sealed = dir.resolve("offsite/w.cbk");
        Files.createDirectories(sealed.getParent());

        CliRun backup = run("--db", db.toString(), "backup", sealed.toString(), "--encrypt", "--passphrase-file",
                pass.toString());
        assertEquals(0, backup.exit(), backup.err());
        assertTrue(backup.err().contains("302 datasets"), backup.err());
        String head = run("--db", db.toString(), "audit", "head").out().strip();

        TestFiles.execute(db, "UPDATE dataset SET title_en = 'changed'");
        String changed = TestFiles.sha256(db);
        CliRun refused = run("--db", db.toString(), "restore", sealed.toString(), "--passphrase-file", wrong.toString());
        assertEquals(1, refused.exit(), refused.err());
        assertTrue(refused.err().contains("passphrase does not open w.cbk"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), "one line, no stack trace: " + refused.err());
        assertEquals(changed, TestFiles.sha256(db), "nothing changed");

        CliRun restored = run("--db", db.toString(), "restore", sealed.toString(), "--passphrase-file", pass.toString());
        assertEquals(0, restored.exit(), restored.err());
        assertEquals(java.util.List.of(), TestFiles.column(db,
                "SELECT code FROM dataset WHERE title_en = 'changed'"));
        CliRun verify = run("--db", db.toString(), "audit", "verify", "--expect", head);
        assertEquals(0, verify.exit(), "the chain holds the backed-up head: " + verify.err());
    }

    @Test
    void anEncryptedBackupWithoutAPassphraseSourceIsRefusedWithoutATerminal() {
        Path db = loaded();
        CliRun r = run("--db", db.toString(), "backup", dir.resolve("x.cbk").toString(), "--encrypt");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("--passphrase-file"), r.err());
        assertFalse(Files.exists(dir.resolve("x.cbk")));
    }

    @Test
    void aPassphraseFileWithoutEncryptIsAUsageError() {
        Path db = loaded();
        CliRun r = run("--db", db.toString(), "backup", dir.resolve("x.db").toString(), "--passphrase-file", "p");
        assertEquals(2, r.exit());
    }

    @Test
    void backupsListShowsEachManifestAndRotationIsKeptInTheFolder() {
        Path db = loaded();
        CliRun list = run("--db", db.toString(), "backups", "list", "--format", "csv");
        assertEquals(0, list.exit(), list.err());
        String[] lines = list.out().strip().split("\\R");
        assertEquals("file,taken_at,kind,schema,datasets,agreements,assessments,audit_events,audit_head,bytes",
                lines[0]);
        assertEquals(2, lines.length, "the backup taken before the sample was loaded: " + list.out());
        assertTrue(lines[1].contains(",before-import,") && lines[1].contains(",0,0,0,0,"), lines[1]);

        assertEquals(0, run("--db", db.toString(), "backups", "rotation", "--keep-last", "3",
                "--keep-weeks", "2").exit());
        CliRun shown = run("--db", db.toString(), "backups", "rotation");
        assertEquals("keep-last 3, keep-weeks 2", shown.out().strip());
        CliRun bad = run("--db", db.toString(), "backups", "rotation", "--keep-last", "0");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("keep-last must be between 1 and 1000"), bad.err());
    }
}
