package org.custodian.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.custodian.model.workbench.SafeFileName;

/**
 * The {@code backups/} folder beside a workbench file. Backup names carry the workbench's name, the local time
 * and why it was taken ({@code workbench-20261129-141502-before-restore.db}), so a person can tell them apart.
 */
public final class BackupFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** How long a {@code .part} file must have been left untouched before a backup deletes it as abandoned. */
    static final java.time.Duration STALE_PART = java.time.Duration.ofHours(1);
    /** A copy in progress, and the rollback journal SQLite keeps beside it while {@code VACUUM INTO} writes it. */
    private static final List<String> PART_ENDINGS = List.of(".db.part", ".db.part-journal");

    private final Path workbenchFile;
    private final Path folder;

    private BackupFolder(Path workbenchFile, Path folder) {
        this.workbenchFile = workbenchFile.toAbsolutePath();
        this.folder = folder;
    }

    public static BackupFolder of(Path workbenchFile, Path folder) {
        return new BackupFolder(workbenchFile, folder);
    }

    /** The default: {@code backups/} in the workbench file's folder. */
    public static BackupFolder besideFile(Path workbenchFile) {
        Path abs = workbenchFile.toAbsolutePath();
        return new BackupFolder(abs, abs.getParent().resolve("backups"));
    }

    public Path folder() {
        return folder;
    }

    private String stem() {
        String name = workbenchFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    Path newName(String label) {
        String safe = SafeFileName.of(label, "backup");
        return folder.resolve(stem() + "-" + LocalDateTime.now().format(STAMP) + "-" + safe + ".db");
    }

    /** An online, verified copy of the workbench file, named for {@code label}. */
    public Path takeVerified(String label) throws IOException {
        removeStaleParts();
        Path target = newName(label);
        SqliteFiles.copyVerified(workbenchFile, target, false);
        return target;
    }

    /** A byte-for-byte copy, for a file SQLite cannot read any more (so it is kept, not lost). */
    public Path keepDamaged(String label) throws IOException {
        Path target = newName(label);
        SqliteFiles.copyBytes(workbenchFile, target);
        return target;
    }

    /**
     * Deletes this workbench's {@code .part} files (and their journals) that nothing has written for
     * {@link #STALE_PART}: what a backup leaves when its process dies (killed, or the power cut) before it can
     * rename or remove its copy. They are never listed as backups, but each is as large as the workbench and
     * would pile up. A backup running now in another process writes its {@code .part} continuously and renames it
     * within minutes, so it is never this old.
     */
    private void removeStaleParts() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        String prefix = stem() + "-";
        java.time.Instant cutoff = java.time.Instant.now().minus(STALE_PART);
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && PART_ENDINGS.stream().anyMatch(n::endsWith) && Files.isRegularFile(p);
            }).filter(p -> lastWrittenBefore(p, cutoff)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next backup to try again; it is never listed as a backup
                }
            });
        } catch (IOException e) {
            // the backup itself will say what is wrong with the folder
        }
    }

    private static boolean lastWrittenBefore(Path file, java.time.Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    /** This workbench's backups, newest first (by the time in their name, then by modification time). */
    public List<Path> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String prefix = stem() + "-";
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".db") && Files.isRegularFile(p);
            }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The newest backup that a restore would accept (sound file, a workbench this version can open, intact
     * audit chain), if any.
     */
    public Optional<Path> newestVerified() {
        return list().stream().filter(BackupFolder::restorable).findFirst();
    }

    private static boolean restorable(Path backup) {
        try {
            WorkbenchRestore.verifyBackup(backup);
            return true;
        } catch (org.custodian.model.workbench.WorkbenchAccessException e) {
            return false;
        }
    }
}
