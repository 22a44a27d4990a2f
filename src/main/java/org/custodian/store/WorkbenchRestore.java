package org.custodian.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import org.custodian.model.audit.ChainVerdict;
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
            SchemaMigrations.refuseNewer(backup, SchemaMigrations.flyway(backup, null).info());
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
     * Restores {@code backup} over {@code target}. The target must not be open in this process; another process
     * holding it makes this fail with LOCKED.
     */
    @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
    public static Result restore(Path backup, Path target, String actor) {
        Path from = backup.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        if (from.equals(to)) {
            throw new WorkbenchAccessException(Reason.IO, from, "Cannot restore " + from + " over itself.", null);
        }
        verifyBackup(from);
        try (WorkbenchLock lock = WorkbenchLock.acquire(to, actor)) {
            Path kept = keepCurrent(to);
            Path partial = to.resolveSibling(to.getFileName() + ".restoring");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnlyFiles.restrict(partial);
            SqliteFiles.fsync(partial);
            deleteSidecars(to);
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SqliteFiles.fsyncDirectory(to.getParent());
            return new Result(from, kept);
        } catch (IOException e) {
            throw new WorkbenchAccessException(Reason.IO, to, "Restoring " + from + " to " + to + " failed: "
                    + e.getMessage() + ". The current file was not replaced.", e);
        }
    }

    /** Keeps the file about to be replaced: an online copy if SQLite can read it, its bytes otherwise. */
    private static Path keepCurrent(Path target) throws IOException {
        if (!Files.exists(target) || Files.size(target) == 0) {
            return null;
        }
        BackupFolder folder = BackupFolder.besideFile(target);
        if (SqliteFiles.passesIntegrityCheck(target)) {
            checkpoint(target);
            return folder.takeVerified("before-restore");
        }
        Path wal = target.resolveSibling(target.getFileName() + "-wal");
        if (Files.exists(wal)) {
            SqliteFiles.copyBytes(wal, folder.folder().resolve(target.getFileName() + "-damaged-wal"));
        }
        return folder.keepDamaged("damaged-before-restore");
    }

    /** Folds the WAL into the file so deleting the sidecars loses nothing. */
    private static void checkpoint(Path target) {
        try (Connection c = Connections.open(target, false); var s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw SqliteFiles.translate(e, target, "preparing to replace");
        }
    }

    private static void deleteSidecars(Path target) throws IOException {
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
    }
}
