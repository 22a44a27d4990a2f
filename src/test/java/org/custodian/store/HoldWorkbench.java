package org.custodian.store;

import java.nio.file.Path;
import org.custodian.model.workbench.Access;

/** Child process for tests: opens a workbench for writing, says READY, and holds it until stdin closes. */
public final class HoldWorkbench {

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]), Access.READ_WRITE, args[1], true)) {
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin or kills us
            }
        }
    }
}
