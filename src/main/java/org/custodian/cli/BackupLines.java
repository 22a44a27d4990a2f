package org.custodian.cli;

import java.util.stream.Collectors;
import org.custodian.model.workbench.BackupManifest;

/** How a backup's manifest reads on one line of the command line. */
final class BackupLines {

    private BackupLines() {
    }

    static String summary(BackupManifest m) {
        String counts = m.counts().entrySet().stream()
                .filter(e -> !e.getKey().equals("auditEvents"))
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return "schema " + m.schemaVersion() + "; " + counts + "; audit head " + m.auditSequence() + ":"
                + (m.auditHash() == null ? "-" : m.auditHash().substring(0, Math.min(12, m.auditHash().length())));
    }
}
