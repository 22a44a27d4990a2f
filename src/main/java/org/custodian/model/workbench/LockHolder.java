package org.custodian.model.workbench;

import java.time.Instant;

/** The program that holds a workbench file open for writing, as it wrote itself into the lock file. */
public record LockHolder(long pid, String user, String host, Instant since) {

    public String describe() {
        return "user " + user + ", process " + pid + " on " + host + (since == null ? "" : ", since " + since);
    }
}
