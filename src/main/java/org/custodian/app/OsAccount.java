package org.custodian.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operating-system account running Custodian, as the OS reports it for this process. The {@code user.name}
 * property is not used: anyone can set it on the command line, and audit events must name the real account.
 */
public final class OsAccount {

    private OsAccount() {
    }

    public static String current() {
        String fromProcess = ProcessHandle.current().info().user().orElse(null);
        if (fromProcess != null && !fromProcess.isBlank()) {
            return fromProcess;
        }
        try {
            // The owner of a file this process just created is the account the OS runs it as.
            Path probe = Files.createTempFile("custodian-account", ".tmp");
            try {
                return Files.getOwner(probe).getName();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown-account";
        }
    }
}
