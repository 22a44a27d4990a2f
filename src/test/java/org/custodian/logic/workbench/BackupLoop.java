package org.custodian.logic.workbench;

import java.nio.file.Path;
import org.custodian.model.workbench.Access;

/**
 * Child process for the backup crash test: takes backups of a workbench into its {@code backups/} folder one after
 * another, printing "starting N" before each and "took N MILLIS NAME" after each returns, until it is killed.
 */
public final class BackupLoop {

    private BackupLoop() {
    }

    public static void main(String[] args) throws Exception {
        try (WorkbenchSession s = WorkbenchSession.open(Path.of(args[0]), Access.READ_WRITE, "crash-backup", false)) {
            for (int n = 1; ; n++) {
                System.out.println("starting " + n);
                System.out.flush();
                long start = System.nanoTime();
                Path taken = s.backups().backupNow("loop-" + n);
                System.out.println("took " + n + " " + (System.nanoTime() - start) / 1_000_000 + " "
                        + taken.getFileName());
                System.out.flush();
            }
        }
    }
}
