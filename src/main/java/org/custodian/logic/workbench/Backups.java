package org.custodian.logic.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.io.sealed.WrongPassphraseException;
import org.custodian.model.workbench.BackupEntry;
import org.custodian.model.workbench.BackupManifest;
import org.custodian.model.workbench.BackupRotation;
import org.custodian.store.BackupFolder;
import org.custodian.store.BackupManifests;
import org.custodian.store.Database;
import org.custodian.store.SqliteFiles;
import org.custodian.store.WorkbenchRestore;

/** Backing up an open workbench, and restoring a file from a backup; both face the window and the command line. */
public final class Backups {

    /** Passphrases shorter than this are refused for new encrypted backups. */
    public static final int MIN_PASSPHRASE = 10;
    /** How old the newest backup may be before the open window takes its daily one. */
    public static final Duration DAILY = Duration.ofHours(24);

    /** Supplies a passphrase when a backup turns out to be encrypted; empty when the person declines. */
    @FunctionalInterface
    public interface PassphrasePrompt {
        Optional<char[]> ask(Path backup);
    }

    private final Database database;

    Backups(Database database) {
        this.database = database;
    }

    /**
     * Writes a verified online copy to {@code out}, with its manifest beside it ({@code OUT.json}). Refuses to
     * replace an existing file unless {@code overwrite}.
     */
    public Path backupTo(Path out, boolean overwrite) throws IOException {
        Path target = refuseWorkbenchItself(out);
        database.backupDescribed(target, overwrite, "manual", true);
        return target;
    }

    private Path refuseWorkbenchItself(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        // Another spelling of the same file (case, a linked folder, a mapped drive) is the same file.
        if (target.equals(database.file()) || (Files.exists(target) && Files.isSameFile(target, database.file()))) {
            throw new IOException("a backup cannot replace the workbench file itself");
        }
        return target;
    }

    /**
     * Writes an encrypted backup to {@code out}: the workbench, its manifest and its attachments, sealed with the
     * passphrase. The sealed file is read back in full before it takes its name, so a failed check leaves any
     * earlier file of that name as it was. The plain copy it seals is made in the workbench's own backups folder,
     * never beside {@code out}. The passphrase array is wiped afterwards.
     */
    public BackupManifest backupEncrypted(Path out, boolean overwrite, char[] passphrase, WorkProgress progress)
            throws IOException {
        try {
            if (passphrase.length < MIN_PASSPHRASE) {
                throw new InputRejectedException("The passphrase is too short: use at least " + MIN_PASSPHRASE
                        + " characters.");
            }
            Path target = refuseWorkbenchItself(out);
            if (!overwrite && Files.exists(target)) {
                throw new java.nio.file.FileAlreadyExistsException(target.toString());
            }
            Path copy = BackupFolder.besideFile(database.file()).sealingCopy();
            Path sealed = target.resolveSibling(target.getFileName() + ".sealing");
            try {
                BackupManifest manifest = database.backupDescribed(copy, true, "encrypted", false);
                EncryptedBackup.write(copy, manifest, WorkbenchSession.attachmentsFolder(database.file()), sealed,
                        passphrase, progress);
                BackupManifest checked = EncryptedBackup.check(sealed, passphrase);
                if (overwrite) {
                    Files.move(sealed, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(sealed, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                return checked;
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(sealed);
            }
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** A verified backup in the workbench's {@code backups/} folder, named for {@code label}, outside rotation. */
    public Path backupNow(String label) throws IOException {
        return BackupFolder.besideFile(database.file()).takeVerified(label);
    }

    /**
     * A routine backup into the folder ({@code opening}, {@code daily}), then rotation; empty when the newest backup
     * already holds this state.
     */
    public Optional<Path> routine(String kind) {
        removeAbandonedStaging(database.file().getParent());
        return database.takeRoutineBackup(kind);
    }

    /** Takes the daily backup when the newest one is older than a day (or there is none); empty otherwise. */
    public Optional<Path> dailyIfDue(Instant now) {
        Optional<Instant> newest = list().stream().map(BackupEntry::takenAt).max(Comparator.naturalOrder());
        if (newest.isPresent() && newest.get().isAfter(now.minus(DAILY))) {
            return Optional.empty();
        }
        return routine("daily");
    }

    /** This workbench's backups in its folder, newest first, each with its manifest. */
    public List<BackupEntry> list() {
        return BackupFolder.besideFile(database.file()).entries();
    }

    public Path folder() {
        return BackupFolder.besideFile(database.file()).folder();
    }

    public BackupRotation rotation() {
        return BackupFolder.besideFile(database.file()).rotation();
    }

    /** Keeps {@code rotation} for this workbench's folder and applies it now; returns the backups it deleted. */
    public List<Path> setRotation(BackupRotation rotation) throws IOException {
        BackupFolder folder = BackupFolder.besideFile(database.file());
        folder.setRotation(rotation);
        return folder.prune(rotation, Instant.now(), java.time.ZoneId.systemDefault());
    }

    /** The backups of a workbench file that is not open (the command line lists them without opening it). */
    public static List<BackupEntry> listOf(Path workbenchFile) {
        return BackupFolder.besideFile(workbenchFile).entries();
    }

    /** The newest backup of {@code workbenchFile} that passes a full integrity check, if any. */
    public static Optional<Path> newestVerified(Path workbenchFile) {
        return BackupFolder.besideFile(workbenchFile).newestVerified();
    }

    /** Whether SQLite finds {@code file} sound. */
    public static boolean isSound(Path file) {
        return SqliteFiles.passesIntegrityCheck(file);
    }

    /** Whether {@code file} is an encrypted backup (by its first bytes). */
    public static boolean isEncrypted(Path file) {
        return EncryptedBackup.isSealed(file);
    }

    /** The manifest kept beside a plain backup, if it has one. */
    public static Optional<BackupManifest> manifestOf(Path backup) {
        return BackupManifests.read(backup);
    }

    /**
     * Restores a plain backup {@code from} over {@code target} (which must not be open for writing), keeps the
     * replaced file as a backup, and records the restore in the restored file's audit chain.
     */
    public static RestoreOutcome restore(Path from, Path target, String actor) {
        return restore(from, target, actor, backup -> {
            throw new InputRejectedException(backup + " is an encrypted backup; give its passphrase to restore it.");
        });
    }

    /**
     * As {@link #restore(Path, Path, String)}, for plain and encrypted backups alike: an encrypted one is opened with
     * the passphrase {@code prompt} gives into a private folder beside the target, checked, restored, and its
     * attachments put back; a wrong passphrase is refused with nothing changed.
     */
    public static RestoreOutcome restore(Path from, Path target, String actor, PassphrasePrompt prompt) {
        if (!isEncrypted(from)) {
            WorkbenchRestore.Result result = WorkbenchRestore.restore(from, target, actor);
            return new RestoreOutcome(result.restoredFrom(), result.keptAs(), 0);
        }
        char[] passphrase = prompt.ask(from).orElseThrow(() -> new org.custodian.logic.io.CancelledException());
        removeAbandonedStaging(target.toAbsolutePath().getParent());
        Path staging = target.toAbsolutePath().resolveSibling(STAGING + UUID.randomUUID());
        try {
            try {
                org.custodian.store.OwnerOnlyFiles.createDirectories(staging);
            } catch (IOException e) {
                throw new org.custodian.model.workbench.WorkbenchAccessException(
                        org.custodian.model.workbench.WorkbenchAccessException.Reason.NOT_WRITABLE, target,
                        "Cannot open " + from.getFileName() + " beside " + target + ": " + e.getMessage()
                                + ". Nothing was changed.", e);
            }
            EncryptedBackup.Extracted opened;
            try {
                opened = EncryptedBackup.extract(from, passphrase, staging);
            } catch (WrongPassphraseException e) {
                throw new InputRejectedException("The passphrase does not open " + from.getFileName()
                        + ". Nothing was changed.", e);
            } catch (IOException e) {
                throw new InputRejectedException(from + " cannot be restored: " + e.getMessage()
                        + ". Nothing was changed.", e);
            }
            WorkbenchRestore.Result result = WorkbenchRestore.restore(opened.workbench(), target, actor,
                    from.toAbsolutePath());
            int files;
            try {
                files = putBackAttachments(opened.attachments(), WorkbenchSession.attachmentsFolder(target));
            } catch (IOException e) {
                // The workbench is already the backup's: say so, rather than that nothing changed.
                throw new org.custodian.model.workbench.WorkbenchAccessException(
                        org.custodian.model.workbench.WorkbenchAccessException.Reason.IO, target, target
                        + " was restored from " + from.getFileName() + ", but its attachment files could not all be"
                        + " put back (" + e.getMessage() + "); the replaced file was kept as " + result.keptAs()
                        + ".", e);
            }
            return new RestoreOutcome(result.restoredFrom(), result.keptAs(), files);
        } finally {
            Arrays.fill(passphrase, '\0');
            deleteTree(staging);
        }
    }

    private static final String STAGING = ".restoring-";

    /**
     * Removes what a restore killed half-way left beside the workbench: a private folder holding a decrypted copy.
     * Only old ones: another restore may be opening its backup right now.
     */
    private static void removeAbandonedStaging(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : all.filter(p -> p.getFileName().toString().startsWith(STAGING)).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Backups.class).warn("Could not tidy {}", folder, e);
        }
    }

    /** Copies attachments back beside the restored file; a file already there (same stored name) is kept as is. */
    private static int putBackAttachments(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        int copied = 0;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (!Files.exists(target)) {
                    org.custodian.store.OwnerOnlyFiles.createDirectories(target.getParent());
                    Files.copy(f, target);
                    copied++;
                }
            }
        }
        return copied;
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Backups.class).warn("Could not remove {}", folder, e);
        }
    }
}
