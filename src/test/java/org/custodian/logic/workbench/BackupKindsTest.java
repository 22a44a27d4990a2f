package org.custodian.logic.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.WorkProgress;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.BackupEntry;
import org.custodian.model.workbench.BackupManifest;
import org.custodian.model.workbench.BackupRotation;
import org.custodian.store.BackupManifests;
import org.custodian.store.TableDump;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of backup (the automatic ones in the folder, one written by hand, an encrypted one) restores every
 * record of every table; manifests describe what they sit beside; imports back up first; rotation keeps what it
 * promises; a wrong passphrase or a damaged encrypted file is refused with nothing changed.
 */
class BackupKindsTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private Path file;
    private Map<String, List<String>> original;
    private AuditHead originalHead;
    private Path attachmentFile;

    private WorkbenchSession open() {
        return WorkbenchSession.open(file, Access.READ_WRITE, "officer", true);
    }

    @BeforeEach
    void sampleWithAnAttachment() throws Exception {
        file = dir.resolve("dept/workbench.db");
        Files.createDirectories(file.getParent());
        try (WorkbenchSession s = open()) {
            s.sample().load();
            var agreement = s.sharing().page(org.custodian.model.sharing.AgreementQuery.all(s.sharing().today()))
                    .get(0);
            Path signed = dir.resolve("signed copy.pdf");
            Files.writeString(signed, "%PDF-1.4 the signed agreement", StandardCharsets.UTF_8);
            Attachment a = s.sharing().attach(agreement.id(), signed);
            attachmentFile = s.sharing().fileOf(a);
            originalHead = s.audit().head();
        }
        original = TableDump.of(file, originalHead.sequence());
    }

    /** Changes the workbench after the backup, so a restore has something to undo. */
    private void changeSomething() throws Exception {
        try (WorkbenchSession s = open()) {
            importOne(s, 99);
        }
        TestFiles.execute(file, "UPDATE dataset SET title_en = 'changed after the backup'");
    }

    private void importOne(WorkbenchSession s, int n) throws Exception {
        Path csv = dir.resolve("more-" + n + ".csv");
        Files.writeString(csv, "code,title_en,department\nTD-NEW-" + (1000 + n) + ",New counts " + n + ",TD\n");
        var report = s.datasetExchange().importFile(csv, StandardCharsets.UTF_8, false, WorkProgress.NONE);
        assertEquals(1, report.asImportReport().created(), report.toString());
    }

    private void assertRestoredEveryRecord() throws Exception {
        assertEquals(original, TableDump.of(file, originalHead.sequence()), "every row of every table is back");
        try (WorkbenchSession s = open()) {
            assertTrue(s.audit().verify(null, null).isIntact());
        }
    }

    @Test
    void aFolderBackupHasAManifestThatDescribesIt() throws Exception {
        Path backup;
        try (WorkbenchSession s = open()) {
            backup = s.backups().routine("opening").orElseThrow();
        }
        BackupManifest m = BackupManifests.read(backup).orElseThrow();
        assertEquals("opening", m.kind());
        assertEquals(302, m.count("datasets"));
        assertEquals(32, m.count("agreements"));
        assertEquals(originalHead.sequence(), m.auditSequence());
        assertEquals(originalHead.hash(), m.auditHash());
        assertEquals(Files.size(backup), m.bytes());
        assertEquals(TestFiles.sha256(backup), m.sha256());
        assertTrue(m.schemaVersion().matches("\\d+"), m.schemaVersion());
    }

    @Test
    void anUnchangedWorkbenchIsNotBackedUpTwice() {
        try (WorkbenchSession s = open()) {
            assertEquals(List.of("before-import"), s.backups().list().stream().map(BackupEntry::kind).toList(),
                    "the sample was backed up once before it was loaded, not once per file");
            assertTrue(s.backups().routine("opening").isPresent());
            assertEquals(Optional.empty(), s.backups().routine("opening"));
            assertEquals(Optional.empty(), s.backups().dailyIfDue(java.time.Instant.now()), "newest is fresh");
            assertEquals(2, s.backups().list().size());
        }
    }

    @Test
    void everyImportIsPrecededByABackupOfTheStateBeforeIt() throws Exception {
        long before;
        try (WorkbenchSession s = open()) {
            before = s.inventory().total();
            importOne(s, 1);
            List<BackupEntry> backups = s.backups().list();
            assertEquals(2, backups.size(), "one before the sample, one before this import");
            assertEquals("before-import", backups.get(0).kind());
            assertEquals(before, backups.get(0).manifest().orElseThrow().count("datasets"));
        }
    }

    @Test
    void aFolderBackupRestoresEveryRecord() throws Exception {
        Path backup;
        try (WorkbenchSession s = open()) {
            backup = s.backups().routine("daily").orElseThrow();
        }
        changeSomething();
        Backups.restore(backup, file, "officer");
        assertRestoredEveryRecord();
    }

    @Test
    void aBackupWrittenByHandRestoresEveryRecordAndHasItsManifest() throws Exception {
        Path backup = dir.resolve("usb/monday.db");
        try (WorkbenchSession s = open()) {
            s.backups().backupTo(backup, false);
        }
        assertEquals("manual", Backups.manifestOf(backup).orElseThrow().kind());
        changeSomething();
        Backups.restore(backup, file, "officer");
        assertRestoredEveryRecord();
    }

    @Test
    void anEncryptedBackupRestoresEveryRecordAndItsAttachments() throws Exception {
        Path sealed = dir.resolve("offsite/monday.cbk");
        Files.createDirectories(sealed.getParent());
        BackupManifest manifest;
        try (WorkbenchSession s = open()) {
            manifest = s.backups().backupEncrypted(sealed, false, PASSPHRASE.clone(), WorkProgress.NONE);
        }
        assertEquals(302, manifest.count("datasets"));
        assertTrue(Backups.isEncrypted(sealed));
        byte[] whole = Files.readAllBytes(sealed);
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        // Long plaintexts only: three random bytes spell "TD-" somewhere in a few megabytes of ciphertext by chance.
        assertFalse(text.contains("SQLite format 3") || text.contains("Leisure Facility Booking Records")
                || text.contains("signed agreement"), "nothing readable inside the encrypted file");
        byte[] attachmentBytes = Files.readAllBytes(attachmentFile);
        Files.delete(attachmentFile);
        changeSomething();

        RestoreOutcome outcome = Backups.restore(sealed, file, "officer", b -> Optional.of(PASSPHRASE.clone()));
        assertRestoredEveryRecord();
        assertTrue(outcome.attachmentsRestored() >= 1);
        assertArrayEquals(attachmentBytes, Files.readAllBytes(attachmentFile), "the signed copy is back");
        try (var left = Files.list(file.getParent())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".restoring")),
                    "the staging folder is removed");
        }
    }

    @Test
    void aWrongPassphraseIsRefusedAndNothingChanges() throws Exception {
        Path sealed = dir.resolve("monday.cbk");
        try (WorkbenchSession s = open()) {
            s.backups().backupEncrypted(sealed, false, PASSPHRASE.clone(), WorkProgress.NONE);
        }
        changeSomething();
        String before = TestFiles.sha256(file);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> Backups.restore(sealed, file,
                "officer", b -> Optional.of("not the passphrase".toCharArray())));
        assertTrue(e.getMessage().contains("passphrase does not open monday.cbk"), e.getMessage());
        assertEquals(before, TestFiles.sha256(file), "the workbench was not touched");
    }

    @Test
    void aCutOffOrAlteredEncryptedBackupIsRefusedSayingWhich() throws Exception {
        Path sealed = dir.resolve("monday.cbk");
        try (WorkbenchSession s = open()) {
            s.backups().backupEncrypted(sealed, false, PASSPHRASE.clone(), WorkProgress.NONE);
        }
        String before = TestFiles.sha256(file);
        Path cut = dir.resolve("cut.cbk");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(sealed), (int) Files.size(sealed) - 100));
        InputRejectedException truncated = assertThrows(InputRejectedException.class, () -> Backups.restore(cut,
                file, "officer", b -> Optional.of(PASSPHRASE.clone())));
        assertTrue(truncated.getMessage().contains("cut off"), truncated.getMessage());

        Path flipped = dir.resolve("flipped.cbk");
        Files.copy(sealed, flipped);
        try (RandomAccessFile raf = new RandomAccessFile(flipped.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0x40);
        }
        InputRejectedException altered = assertThrows(InputRejectedException.class, () -> Backups.restore(flipped,
                file, "officer", b -> Optional.of(PASSPHRASE.clone())));
        assertTrue(altered.getMessage().contains("damaged or was altered"), altered.getMessage());
        assertEquals(before, TestFiles.sha256(file));
    }

    @Test
    void aShortPassphraseIsRefusedBeforeAnythingIsWritten() {
        Path sealed = dir.resolve("short.cbk");
        try (WorkbenchSession s = open()) {
            assertThrows(InputRejectedException.class, () -> s.backups().backupEncrypted(sealed, false,
                    "short".toCharArray(), WorkProgress.NONE));
        }
        assertFalse(Files.exists(sealed));
    }

    @Test
    void rotationDeletesOnlyRoutineBackupsItNoLongerKeeps() throws Exception {
        try (WorkbenchSession s = open()) {
            s.backups().setRotation(new BackupRotation(2, 0));
            Path kept = s.backups().backupNow("before-restore");
            for (int i = 0; i < 4; i++) {
                importOne(s, i); // each import changes the head, so the next one is backed up again
            }
            List<BackupEntry> left = s.backups().list();
            assertEquals(3, left.size(), left.toString());
            assertTrue(left.stream().anyMatch(e -> e.file().equals(kept)), "a before-restore backup is never rotated");
            assertEquals(2, left.stream().filter(e -> e.kind().equals("before-import")).count());
            assertEquals(new BackupRotation(2, 0), s.backups().rotation(), "kept in the folder's policy");
        }
    }

    @Test
    void anEncryptedBackupWhoseHeaderAsksForAnAbsurdKeyDerivationIsRefusedAtOnce() throws Exception {
        Path forged = dir.resolve("forged.cbk");
        java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        header.write("CUSTODIAN-SEALED".getBytes(StandardCharsets.US_ASCII));
        header.write(1);
        header.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // two billion iterations
        header.write(new byte[16 + 8 + 32]);
        Files.write(forged, header.toByteArray());
        long start = System.nanoTime();
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> Backups.restore(forged, file,
                "officer", b -> Optional.of(PASSPHRASE.clone())));
        assertTrue(e.getMessage().contains("header is damaged"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused before deriving any key");

        Path onlyMagic = dir.resolve("magic.cbk");
        Files.write(onlyMagic, "CUSTODIAN-SEALED".getBytes(StandardCharsets.US_ASCII));
        InputRejectedException cut = assertThrows(InputRejectedException.class, () -> Backups.restore(onlyMagic,
                file, "officer", b -> Optional.of(PASSPHRASE.clone())));
        assertTrue(cut.getMessage().contains("cut off"), cut.getMessage());
    }

    @Test
    void anEncryptedBackupNamingAFileOutsideItsFolderIsRefusedAndWritesNothingThere() throws Exception {
        Path copy = dir.resolve("copy.db");
        BackupManifest manifest;
        try (WorkbenchSession s = open()) {
            s.backups().backupTo(copy, false);
            manifest = Backups.manifestOf(copy).orElseThrow();
        }
        Path sealed = dir.resolve("evil.cbk");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                new org.custodian.logic.io.sealed.SealedOutputStream(Files.newOutputStream(sealed),
                        PASSPHRASE.clone()))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
            zip.write(BackupManifests.toJson(manifest));
            zip.putNextEntry(new java.util.zip.ZipEntry("workbench.db"));
            zip.write(Files.readAllBytes(copy));
            zip.putNextEntry(new java.util.zip.ZipEntry("attachments/../../escaped.txt"));
            zip.write("outside".getBytes(StandardCharsets.UTF_8));
        }
        String before = TestFiles.sha256(file);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> Backups.restore(sealed, file,
                "officer", b -> Optional.of(PASSPHRASE.clone())));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
        assertEquals(before, TestFiles.sha256(file));
        try (var walk = Files.walk(dir)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals("escaped.txt")), "nothing escaped");
        }
    }

    @Test
    void anotherWorkbenchWhoseNameStartsTheSameKeepsItsBackups() throws Exception {
        Path other = file.resolveSibling("workbench-hr.db");
        Path theirs;
        try (WorkbenchSession hr = WorkbenchSession.open(other, Access.READ_WRITE, "officer", true)) {
            theirs = hr.backups().routine("opening").orElseThrow();
        }
        try (WorkbenchSession s = open()) {
            s.backups().setRotation(new BackupRotation(1, 0));
            importOne(s, 7);
            assertTrue(s.backups().list().stream().noneMatch(e -> e.file().equals(theirs)),
                    "not listed as this workbench's");
        }
        assertTrue(Files.exists(theirs), "workbench-hr.db's backup survives workbench.db's rotation");
    }

    @Test
    void aRefusedBackupLeavesTheExistingOneAndItsManifestAlone() throws Exception {
        Path backup = dir.resolve("usb/monday.db");
        try (WorkbenchSession s = open()) {
            s.backups().backupTo(backup, false);
            String manifest = Files.readString(BackupManifests.besideOf(backup));
            importOne(s, 8);
            assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> s.backups().backupTo(backup, false));
            assertEquals(manifest, Files.readString(BackupManifests.besideOf(backup)));
        }
    }

    @Test
    void theEncryptedBackupsPlainCopyIsNeverMadeBesideItsDestination() throws Exception {
        Path usb = dir.resolve("usb");
        Files.createDirectories(usb);
        try (WorkbenchSession s = open()) {
            s.backups().backupEncrypted(usb.resolve("w.cbk"), false, PASSPHRASE.clone(), new WorkProgress() {
                @Override
                public void update(long done, long total) {
                    try (var files = Files.list(usb)) {
                        List<Path> there = files.toList();
                        for (Path p : there) {
                            assertFalse(p.getFileName().toString().endsWith(".db")
                                    || p.getFileName().toString().endsWith(".tmp"), "a plain copy in " + there);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        }
        try (var files = Files.list(usb)) {
            assertEquals(List.of("w.cbk"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
