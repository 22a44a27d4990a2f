package org.custodian.app;

import java.io.IOException;
import org.custodian.store.OwnerOnlyFiles;

/** Points the log backend at the user's logs folder before the first logger is made. */
final class Logging {

    private Logging() {
    }

    static void configure(UserPaths paths) {
        if (System.getProperty("custodian.logs") == null) {
            System.setProperty("custodian.logs", paths.logs().toString());
        }
        try {
            OwnerOnlyFiles.createDirectories(paths.home());
            OwnerOnlyFiles.createDirectories(paths.logs());
        } catch (IOException ignored) {
            // the backend reports its own trouble; the app works without a log
        }
    }
}
