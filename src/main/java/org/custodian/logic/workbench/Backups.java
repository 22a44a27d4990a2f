package org.custodian.logic.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.custodian.store.BackupFolder;
import org.custodian.store.Database;
import org.custodian.store.SqliteFiles;
import org.custodian.store.WorkbenchRestore;

/** Backing up an open workbench, and restoring a file from a backup; both face the window and the command line. */
public final class Backups {

    private final Database database;

    Backups(Database database) {
        this.database = database;
    }

    /**
     * Writes a verified online copy to {@code out}. Refuses to replace an existing file unless {@code overwrite}.
     */
    public Path backupTo(Path out, boolean overwrite) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (target.equals(database.file())) {
            throw new IOException("a backup cannot replace the workbench file itself");
        }
        database.backupTo(target, overwrite);
        return target;
    }

    /** A verified backup in the workbench's {@code backups/} folder, named for {@code label}. */
    public Path backupNow(String label) throws IOException {
        return BackupFolder.besideFile(database.file()).takeVerified(label);
    }

    public List<Path> list() {
        return BackupFolder.besideFile(database.file()).list();
    }

    /** The newest backup of {@code workbenchFile} that passes a full integrity check, if any. */
    public static Optional<Path> newestVerified(Path workbenchFile) {
        return BackupFolder.besideFile(workbenchFile).newestVerified();
    }

    /** Whether SQLite finds {@code file} sound. */
    public static boolean isSound(Path file) {
        return SqliteFiles.passesIntegrityCheck(file);
    }

    /**
     * Restores {@code from} over {@code target} (which must not be open for writing), keeps the replaced file as
     * a backup, and records the restore in the restored file's audit chain.
     */
    public static RestoreOutcome restore(Path from, Path target, String actor) {
        WorkbenchRestore.Result result = WorkbenchRestore.restore(from, target, actor);
        return new RestoreOutcome(result.restoredFrom(), result.keptAs());
    }
}
