package org.custodian.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;

/**
 * Replaces a workbench file with a backup, in an order that leaves either the old or the new file complete if the
 * machine stops at any point: verify the backup, keep the current file as a backup of its own, empty the old WAL,
 * copy the backup beside the target, flush it, then rename it over the target.
 */
public final class WorkbenchRestore {

    /** What a restore did: the file it replaced was kept at {@code keptAs} (null when there was none). */
    public record Result(Path restoredFrom, Path keptAs) {
    }

    private WorkbenchRestore() {
    }

    /** Checks that {@code backup} is a sound workbench this version can open, with an intact audit chain. */
    public static void verifyBackup(Path backup) {
        SqliteFiles.checkReadable(backup);
        try (Connection c = Connections.open(backup, true)) {
            SqliteFiles.checkIntegrity(c, backup, true);
            SchemaMigrations.checkReadable(backup, c);
            SchemaMigrations.refuseNewer(backup, SchemaMigrations.lookingOnly(backup).info());
            if (hasAuditTable(c)) {
                ChainVerdict verdict = AuditLog.verify(c, null, null);
                if (!verdict.isIntact()) {
                    throw new WorkbenchAccessException(Reason.CORRUPT, backup, backup + " has a broken audit chain at"
                            + " sequence " + verdict.firstBadSequence().getAsLong() + ": " + verdict.problem(), null);
                }
            }
        } catch (SQLException e) {
            throw SqliteFiles.translate(e, backup, "checking");
        }
    }

    private static boolean hasAuditTable(Connection c) throws SQLException {
        try (var s = c.createStatement();
             var rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_event'")) {
            return rs.next();
        }
    }

    /**
     * Restores {@code backup} over {@code target} and records the restore in the restored file's audit chain,
     * all under the target's writer lock. The target must not be open for writing anywhere (LOCKED otherwise).
     */
    public static Result restore(Path backup, Path target, String actor) {
        return restore(backup, target, actor, null);
    }

    /**
     * As {@link #restore(Path, Path, String)}; {@code describedAs} names the backup in the audit event when
     * {@code backup} is a copy opened from it (an encrypted backup is opened into a staging folder first).
     */
    @SuppressWarnings("try") // the lock is held for the block's duration
    public static Result restore(Path backup, Path target, String actor, Path describedAs) {
        Path from = WorkbenchLock.realPathOf(backup);
        Path to = WorkbenchLock.realPathOf(target);
        if (from.equals(to)) {
            throw new WorkbenchAccessException(Reason.IO, from, "Cannot restore " + from + " over itself.", null);
        }
        verifyBackup(from);
        WorkbenchLock lock = WorkbenchLock.acquire(to, actor);
        boolean handedOver = false;
        Path staging = to.resolveSibling(to.getFileName() + ".restoring");
        try {
            Path kept = keepCurrent(to);
            // Copied through SQLite (the backup's WAL included, never a torn page), then checked as a copy.
            deleteWithSidecars(staging);
            SqliteFiles.copyVerified(from, staging, true);
            verifyBackup(staging);
            deleteSidecars(to);
            Files.move(staging, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SqliteFiles.fsyncDirectory(to.getParent());
            handedOver = true;
            try (Database restored = Database.open(to, Access.READ_WRITE, actor, false, null, lock)) {
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("restored_from", (describedAs == null ? from : describedAs).toString());
                what.put("replaced_file_kept_as", kept == null ? null : kept.toString());
                restored.recordEvent("workbench", "workbench", "restore", what, null);
            } catch (RuntimeException e) {
                // The file is already the backup's; say so rather than "restore failed".
                throw new WorkbenchAccessException(Reason.IO, to, to + " was restored from " + from
                        + ", but recording the restore in its audit log failed: " + e.getMessage(), e);
            }
            return new Result(describedAs == null ? from : describedAs, kept);
        } catch (IOException e) {
            throw new WorkbenchAccessException(Reason.IO, to, "Restoring " + from + " to " + to + " failed: "
                    + e.getMessage() + ". The current file was not replaced.", e);
        } finally {
            if (!handedOver) {
                lock.close();
                try {
                    deleteWithSidecars(staging);
                } catch (IOException ignored) {
                    // a leftover .restoring file is never opened as a workbench
                }
            }
        }
    }

    /** Keeps the file about to be replaced: an online copy if SQLite can read it, its bytes otherwise. */
    private static Path keepCurrent(Path target) throws IOException {
        if (!Files.exists(target) || Files.size(target) == 0) {
            return null;
        }
        BackupFolder folder = BackupFolder.besideFile(target);
        rollBackHotJournal(target);
        if (SqliteFiles.passesIntegrityCheck(target)) {
            Path kept = folder.takeVerified("before-restore");
            checkpoint(target);
            return kept;
        }
        Path kept = folder.keepDamaged("damaged-before-restore");
        // The sidecars travel with the kept copy (same base name), so SQLite can still use them on it.
        for (String suffix : SIDECARS) {
            Path sidecar = target.resolveSibling(target.getFileName() + suffix);
            if (Files.exists(sidecar)) {
                SqliteFiles.copyBytes(sidecar, kept.resolveSibling(kept.getFileName() + suffix));
            }
        }
        return kept;
    }

    /**
     * A crash in rollback-journal mode leaves a hot journal that only a writing connection rolls back; until then
     * the file looks damaged to a reader. Opening it for writing lets SQLite repair it the normal way.
     */
    private static void rollBackHotJournal(Path target) {
        if (!Files.exists(target.resolveSibling(target.getFileName() + "-journal"))) {
            return;
        }
        try (Connection c = Connections.open(target, false); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        } catch (SQLException e) {
            // still damaged: kept byte for byte with its journal below
        }
    }

    /** Folds the WAL into the file so deleting the sidecars loses nothing; refuses while a reader blocks it. */
    private static void checkpoint(Path target) {
        try (Connection c = Connections.open(target, false); var s = c.createStatement();
             var rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                throw new WorkbenchAccessException(Reason.LOCKED, target, target
                        + " is being read by another program; close it there and restore again. Nothing was replaced.",
                        null);
            }
        } catch (SQLException e) {
            throw SqliteFiles.translate(e, target, "preparing to replace");
        }
    }

    private static final String[] SIDECARS = {"-wal", "-shm", "-journal"};

    /** Removes every file SQLite would apply to a database of this name (a stale one would corrupt the new file). */
    private static void deleteSidecars(Path target) throws IOException {
        for (String suffix : SIDECARS) {
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + suffix));
        }
    }

    private static void deleteWithSidecars(Path file) throws IOException {
        Files.deleteIfExists(file);
        deleteSidecars(file);
    }
}
