package org.custodian.model.workbench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A backup in a workbench's backups folder: its file, why it was taken, and its manifest when it has a readable one
 * (backups taken before manifests existed do not).
 */
public record BackupEntry(Path file, String kind, Optional<BackupManifest> manifest, long bytes, Instant modified) {

    /** When it was taken: the manifest's time, else the file's. */
    public Instant takenAt() {
        return manifest.map(BackupManifest::takenAt).orElse(modified);
    }
}
