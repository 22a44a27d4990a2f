package org.custodian.logic.inventory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.custodian.logic.io.WorkProgress;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.workbench.Access;

/**
 * Child process for the import crash test: imports one CSV file into an existing workbench. While the import's
 * transaction is open it prints "writing BYTES_READ SIZE" at each progress step; once the import has returned
 * (committed) it prints "committed CREATED REJECTED" and then holds the workbench open until it is killed, so the
 * kill lands with the committed rows still only in the write-ahead log.
 */
public final class LargeImportRun {

    private LargeImportRun() {
    }

    public static void main(String[] args) throws Exception {
        try (WorkbenchSession s = WorkbenchSession.open(Path.of(args[0]), Access.READ_WRITE, "crash-importer", false)) {
            WorkProgress progress = new WorkProgress() {
                @Override
                public void update(long done, long total) {
                    System.out.println("writing " + done + " " + total);
                    System.out.flush();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            DatasetImportReport report = s.datasetExchange().importFile(Path.of(args[1]), StandardCharsets.UTF_8,
                    false, progress);
            System.out.println("committed " + report.count(RowOutcome.CREATED) + " "
                    + report.count(RowOutcome.REJECTED));
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
