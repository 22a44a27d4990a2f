package org.custodian.model.workbench;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a backup holds, written beside it when it is taken, so a list of backups can say what each one is without
 * opening it: when and why it was taken, the schema, how many records of each kind, the audit head (the last
 * event it contains) and the SHA-256 of the copy's bytes.
 *
 * @param kind   why it was taken: {@code opening}, {@code daily}, {@code before-import}, {@code before-restore}…
 * @param counts records per register, in a stable order (datasets, agreements, assessments, audit events…)
 */
public record BackupManifest(Instant takenAt, String kind, String workbench, String schemaVersion,
                             Map<String, Long> counts, long auditSequence, String auditHash, long bytes,
                             String sha256) {

    public BackupManifest {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(kind, "kind");
        counts = Map.copyOf(counts);
    }

    public long count(String register) {
        return counts.getOrDefault(register, 0L);
    }

    /** Whether this backup holds the same audited state as a file whose head is {@code sequence}/{@code hash}. */
    public boolean sameStateAs(long sequence, String hash) {
        return auditSequence == sequence && Objects.equals(auditHash, hash);
    }
}
