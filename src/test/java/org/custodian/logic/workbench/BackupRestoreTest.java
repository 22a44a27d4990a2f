package org.custodian.logic.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    private static final String ALL_ROWS = """
            SELECT 'o|' || id || '|' || code || '|' || ifnull(name_en,'') || '|' || ifnull(name_tc,'') FROM organisation
            UNION ALL SELECT 'c|' || id || '|' || code || '|' || ifnull(name_en,'') || '|' || ifnull(name_tc,'') FROM category
            UNION ALL SELECT 'f|' || id || '|' || code FROM data_format
            UNION ALL SELECT 'd|' || id || '|' || code || '|' || updated_at || '|' || ifnull(classification, '') FROM dataset
            UNION ALL SELECT 'k|' || id || '|' || level || '|' || effective_from FROM classification_decision
            UNION ALL SELECT 'r|' || id || '|' || reviewed_on FROM access_review
            UNION ALL SELECT 's|' || dataset_id || '|' || source_id FROM dataset_source
            UNION ALL SELECT 'g|' || id || '|' || reference || '|' || status || '|' || updated_at FROM agreement
            UNION ALL SELECT 'x|' || id || '|' || reference || '|' || revision || '|' || status FROM assessment
            UNION ALL SELECT 'a|' || seq || '|' || hash FROM audit_event
            ORDER BY 1
            """;

    @TempDir
    Path dir;

    private WorkbenchSession open(Path file) {
        return WorkbenchSession.open(file, Access.READ_WRITE, "officer", true);
    }

    /** A workbench with the sample department and, when {@code backup} is given, a verified copy of it there. */
    private void sampleWithBackup(Path file, Path backup) throws Exception {
        try (WorkbenchSession s = open(file)) {
            s.sample().load();
            if (backup != null) {
                s.backups().backupTo(backup, false);
            }
        }
    }

    @Test
    void backupThenRestoreKeepsEveryRow() throws Exception {
        Path file = dir.resolve("workbench.db");
        Path backup = dir.resolve("copies/monday.db");
        sampleWithBackup(file, backup);
        List<String> atBackup = TestFiles.column(file, ALL_ROWS);
        // reference entries, sample datasets, and one audit event for each
        // Every list entry (118 organisations and 12 external ones, 20 categories, 38 formats), dataset,
        // decision (395, and 2 reclassifications after the agreements), access review (128), agreement (32) and
        // lineage link (26 in 15 rows of derived.csv), and the audit events: one per entry, dataset, decision,
        // review, agreement and derived.csv row. Then the sample assessments: 8 revisions, with 488 audit events
        // between them (creation, answers, notes, evidence, risks, actions and workflow steps).
        int records = 118 + 12 + 20 + 38 + 302 + 395 + 2 + 128 + 32;
        assertEquals(records + 26 + records + 15 + 8 + 488, atBackup.size());
        assertEquals(atBackup, TestFiles.column(backup, ALL_ROWS), "the backup holds every row");

        // Work goes on after the backup, then the officer restores Monday's copy.
        try (WorkbenchSession s = open(file)) {
            s.referenceImport().importCsv(org.custodian.model.reference.ReferenceList.CATEGORY, "extra.csv",
                    new java.io.ByteArrayInputStream("code,name_en,name_tc\nai,Artificial Intelligence,人工智能\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        assertNotEquals(atBackup, TestFiles.column(file, ALL_ROWS));

        RestoreOutcome result = Backups.restore(backup, file, "officer");
        List<String> restored = TestFiles.column(file, ALL_ROWS);
        assertEquals(atBackup.size() + 1, restored.size(), "every row, plus the audit event of the restore");
        assertTrue(restored.containsAll(atBackup));
        assertNotNull(result.keptAs(), "the replaced file is kept");
        assertTrue(TestFiles.column(result.keptAs(), "SELECT code FROM category").contains("ai"),
                "the kept file still has the work done after the backup");
        try (WorkbenchSession s = open(file)) {
            var verdict = s.audit().verify(null, null);
            assertTrue(verdict.isIntact());
            var last = s.audit().history("workbench", "workbench");
            assertEquals("restore", last.get(last.size() - 1).action());
            assertEquals("officer", last.get(last.size() - 1).actor());
        }
    }

    @Test
    void restoringFromALiveWorkbenchTakesItsCommittedWalToo() throws Exception {
        Path source = dir.resolve("colleague.db");
        Path target = dir.resolve("mine.db");
        try (WorkbenchSession mine = open(target)) {
            mine.sample().load();
        }
        try (WorkbenchSession colleague = open(source)) {
            colleague.sample().load();
            colleague.referenceImport().importCsv(org.custodian.model.reference.ReferenceList.CATEGORY, "late.csv",
                    new java.io.ByteArrayInputStream("code,name_en\nlate,Committed but only in the WAL\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            // Still open: the last commit lives in colleague.db-wal, not yet in colleague.db itself.
            Backups.restore(source, target, "officer");
        }
        assertTrue(TestFiles.column(target, "SELECT code FROM category").contains("late"));
    }

    @Test
    void aBackupCannotReplaceTheOpenWorkbenchUnderAnotherName() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), real);
        Path file = real.resolve("w.db");
        try (WorkbenchSession s = open(file)) {
            s.sample().load();
            var e = assertThrows(java.io.IOException.class, () -> s.backups().backupTo(alias.resolve("w.db"), true));
            assertTrue(e.getMessage().contains("the workbench file itself"), e.getMessage());
            s.referenceImport().importCsv(org.custodian.model.reference.ReferenceList.FORMAT, "more.csv",
                    new java.io.ByteArrayInputStream("code,name_en\nGPKG,GeoPackage\n".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)));
        }
        try (WorkbenchSession s = open(file)) {
            assertEquals(39, s.referenceLists().count(org.custodian.model.reference.ReferenceList.FORMAT, ""),
                    "work after the refused backup is still in the file");
            assertTrue(s.audit().verify(null, null).isIntact());
        }
    }

    @Test
    void aRestoreLeavesNoSidecarOfTheOldFileBehind() throws Exception {
        Path file = dir.resolve("w.db");
        Path backup = dir.resolve("b.db");
        sampleWithBackup(file, backup);
        Path journal = dir.resolve("w.db-journal");
        Files.write(journal, new byte[512]);
        Backups.restore(backup, file, "officer");
        assertTrue(!Files.exists(journal), "a stale journal would be applied to the restored file");
        try (WorkbenchSession s = open(file)) {
            assertTrue(s.audit().verify(null, null).isIntact());
        }
    }

    @Test
    void aBackupNeverOverwritesUnlessAsked() throws Exception {
        Path file = dir.resolve("w.db");
        Path out = dir.resolve("out.db");
        Files.writeString(out, "keep me");
        try (WorkbenchSession s = open(file)) {
            assertThrows(FileAlreadyExistsException.class, () -> s.backups().backupTo(out, false));
            assertEquals("keep me", Files.readString(out));
            s.backups().backupTo(out, true);
        }
        assertTrue(Backups.isSound(out));
    }

    @Test
    void aDamagedBackupIsRefusedAndTheWorkbenchLeftAlone() throws Exception {
        Path file = dir.resolve("w.db");
        sampleWithBackup(file, null);
        String before = TestFiles.sha256(file);
        Path bad = dir.resolve("bad.db");
        Files.write(bad, new byte[] {'S', 'Q', 'L'});
        var e = assertThrows(WorkbenchAccessException.class, () -> Backups.restore(bad, file, "officer"));
        assertTrue(e.getMessage().contains("bad.db"), e.getMessage());
        assertEquals(before, TestFiles.sha256(file));
    }

    @Test
    void aBackupWithABrokenAuditChainIsRefused() throws Exception {
        Path file = dir.resolve("w.db");
        Path copy = dir.resolve("tampered.db");
        sampleWithBackup(file, copy);
        TestFiles.execute(copy, "DROP TRIGGER audit_event_no_update",
                "UPDATE audit_event SET actor = 'mallory' WHERE seq = 3");
        var e = assertThrows(WorkbenchAccessException.class, () -> Backups.restore(copy, file, "officer"));
        assertTrue(e.getMessage().contains("sequence 3"), e.getMessage());
    }

    @Test
    void theNewestSoundBackupIsFound() throws Exception {
        Path file = dir.resolve("w.db");
        Path older;
        try (WorkbenchSession s = open(file)) {
            older = s.backups().backupNow("first");
            Thread.sleep(5);
            Path newer = s.backups().backupNow("second");
            assertEquals(List.of(newer, older), s.backups().list().stream().map(e -> e.file()).toList());
            Files.writeString(newer, "broken");
        }
        assertEquals(older, Backups.newestVerified(file).orElseThrow(), "a damaged newer backup is skipped");
    }
}
