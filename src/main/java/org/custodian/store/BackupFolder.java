package org.custodian.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.custodian.model.workbench.BackupEntry;
import org.custodian.model.workbench.BackupManifest;
import org.custodian.model.workbench.BackupRotation;
import org.custodian.model.workbench.SafeFileName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code backups/} folder beside a workbench file. Backup names carry the workbench's name, the local time
 * and why it was taken ({@code workbench-20261129-141502-123-before-restore.db}), so a person can tell them apart;
 * each has its manifest beside it ({@code ….db.json}). The rotation policy lives in the folder too
 * ({@code policy.properties}), so the window and the command line keep the same backups.
 */
public final class BackupFolder {

    private static final Logger LOG = LoggerFactory.getLogger(BackupFolder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    static final String POLICY_FILE = "policy.properties";
    /**
     * How long a {@code .part} file must have been left untouched before a backup deletes it as abandoned: a backup
     * running now in another process writes its copy continuously and renames it within minutes.
     */
    static final java.time.Duration STALE_PART = java.time.Duration.ofHours(1);

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

    /**
     * Where an encrypted backup's plain copy is made before it is sealed: in this folder (beside the workbench,
     * owner-only), never beside the chosen destination, which may be a USB disk or a synced folder.
     */
    public Path sealingCopy() throws IOException {
        OwnerOnlyFiles.createDirectories(folder);
        removeLeftovers();
        return folder.resolve(stem() + "-sealing-" + java.util.UUID.randomUUID() + ".tmp");
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

    /**
     * Whether {@code name} is one of this workbench's backups: its stem, then the time stamp, then the kind. A
     * prefix alone would take in the backups of {@code acme-hr.db} as those of {@code acme.db}.
     */
    private boolean isOurBackup(String name) {
        return name.endsWith(".db") && ours(name);
    }

    /** Whether {@code name} starts as this workbench's backups do (the file itself or a leftover of one). */
    private boolean ours(String name) {
        return name.startsWith(stem() + "-") && STAMPED.matcher(name.substring(stem().length() + 1)).lookingAt();
    }

    private static final java.util.regex.Pattern STAMPED = java.util.regex.Pattern.compile("\\d{8}-\\d{6}-\\d{3}-");

    /** The kind a name says, for backups without a manifest: what follows the time stamp. */
    static String kindFromName(Path file) {
        String n = file.getFileName().toString().replaceFirst("\\.db$", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-\\d{8}-\\d{6}(?:-\\d{3})?-(.+)$").matcher(n);
        return m.find() ? m.group(1) : "unknown";
    }

    /**
     * An online, verified copy of the workbench file, named for {@code label}, with its manifest written before the
     * copy takes its name (so a listed backup always has its manifest, and a crash leaves only .part files).
     */
    public Path takeVerified(String label) throws IOException {
        removeLeftovers();
        Path target = newName(label);
        Instant now = Instant.now();
        SqliteFiles.copyVerified(workbenchFile, target, false, copy -> BackupManifests.write(target,
                BackupManifests.describe(copy, label, workbenchFile.getFileName().toString(), now)));
        return target;
    }

    /** A byte-for-byte copy, for a file SQLite cannot read any more (so it is kept, not lost). */
    public Path keepDamaged(String label) throws IOException {
        Path target = newName(label);
        SqliteFiles.copyBytes(workbenchFile, target);
        return target;
    }

    /** This workbench's backups, newest first (by when they were taken). */
    public List<Path> list() {
        return entries().stream().map(BackupEntry::file).toList();
    }

    /**
     * This workbench's backups with their manifests, newest first: by the time the manifest gives (the file's time
     * for a backup without one), then by name.
     */
    public List<BackupEntry> entries() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> all = Files.list(folder)) {
            files = all.filter(p -> isOurBackup(p.getFileName().toString()) && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            return List.of();
        }
        return files.stream().map(p -> {
            Optional<BackupManifest> manifest = BackupManifests.read(p);
            return new BackupEntry(p, manifest.map(BackupManifest::kind).orElseGet(() -> kindFromName(p)), manifest,
                    sizeOf(p), modified(p));
        }).sorted(Comparator.comparing(BackupEntry::takenAt)
                .thenComparing(e -> e.file().getFileName().toString()).reversed()).toList();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
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

    /**
     * Deletes the routine backups {@code rotation} does not keep (with their manifests and any SQLite sidecars);
     * returns the files deleted. Backups of other kinds (before a migration, before a restore) are never deleted.
     */
    public List<Path> prune(BackupRotation rotation, Instant now, ZoneId zone) {
        List<BackupRotation.Taken<Path>> routine = new ArrayList<>();
        for (BackupEntry e : entries()) {
            if (BackupRotation.isRoutine(e.kind())) {
                routine.add(new BackupRotation.Taken<>(e.file(), e.takenAt()));
            }
        }
        List<Path> deleted = new ArrayList<>();
        for (Path p : rotation.toDelete(routine, now, zone)) {
            try {
                Files.deleteIfExists(BackupManifests.besideOf(p));
                for (String sidecar : new String[] {"-wal", "-shm", "-journal"}) {
                    Files.deleteIfExists(p.resolveSibling(p.getFileName() + sidecar));
                }
                Files.deleteIfExists(p);
                deleted.add(p);
            } catch (IOException e) {
                LOG.warn("Could not delete the rotated-out backup {}", p, e);
            }
        }
        return deleted;
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /**
     * Removes what an interrupted backup left: {@code .part} files (never listed, never valid) and manifests whose
     * backup never took its name.
     */
    void removeLeftovers() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                boolean ours = ours(n) || n.startsWith(stem() + "-sealing-");
                boolean stale = modified(p).isBefore(Instant.now().minus(STALE_PART));
                // A .part still being written has a fresh time: another process may be taking a backup now. SQLite
                // keeps a rollback journal beside the copy while VACUUM INTO writes it; it goes with its .part.
                boolean partial = ours && stale
                        && (n.endsWith(".part") || n.endsWith(".part-journal") || n.endsWith(".tmp"));
                // A manifest is written just before its backup takes its name: only an old one is an orphan.
                boolean orphanManifest = ours && stale && n.endsWith(".db.json")
                        && !Files.exists(p.resolveSibling(n.substring(0, n.length() - ".json".length())));
                if (partial || orphanManifest) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not tidy {}", folder, e);
        }
    }

    /** The rotation kept in {@code policy.properties}, or the default when there is none (or it is unreadable). */
    public BackupRotation rotation() {
        Path file = folder.resolve(POLICY_FILE);
        if (!Files.isRegularFile(file)) {
            return BackupRotation.DEFAULT;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return new BackupRotation(
                    Integer.parseInt(p.getProperty("keepLast", "" + BackupRotation.DEFAULT.keepLast()).strip()),
                    Integer.parseInt(p.getProperty("keepWeeks", "" + BackupRotation.DEFAULT.keepWeeks()).strip()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring {}: {}; keeping the default rotation", file, e.getMessage());
            return BackupRotation.DEFAULT;
        }
    }

    /** Keeps {@code rotation} for this folder. */
    public void setRotation(BackupRotation rotation) throws IOException {
        OwnerOnlyFiles.createDirectories(folder);
        Properties p = new Properties();
        p.setProperty("keepLast", Integer.toString(rotation.keepLast()));
        p.setProperty("keepWeeks", Integer.toString(rotation.keepWeeks()));
        Path file = folder.resolve(POLICY_FILE);
        Path partial = folder.resolve(POLICY_FILE + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            p.store(out, "Custodian backup rotation: the last keepLast routine backups, plus one a week for keepWeeks");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
