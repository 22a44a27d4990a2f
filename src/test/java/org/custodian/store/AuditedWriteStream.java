package org.custodian.store;

import java.nio.file.Path;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;

/**
 * Child process for the crash test: commits audited writes as fast as it can and reports each commit on stdout
 * after it returns, until it is killed.
 */
public final class AuditedWriteStream {

    public static void main(String[] args) throws Exception {
        String prefix = args[1];
        try (Database db = Database.open(Path.of(args[0]), Access.READ_WRITE, "crash-writer", true)) {
            ReferenceRepository repo = new ReferenceRepository(db);
            for (int i = 1; ; i++) {
                int n = i;
                db.inTransaction(tx -> {
                    // Two changes per transaction, so a torn write would show as one without the other.
                    var e = repo.insert(tx, ReferenceList.ORGANISATION, prefix + n, "Body " + n, "機構 " + n);
                    repo.rename(tx, e, "Renamed body " + n, "機構 " + n, "crash test");
                    return null;
                });
                System.out.println("committed " + n);
                System.out.flush();
            }
        }
    }
}
