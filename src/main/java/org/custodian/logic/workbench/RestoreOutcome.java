package org.custodian.logic.workbench;

import java.nio.file.Path;

/**
 * What a restore did: the backup it restored, where the replaced file was kept (null when there was none), and how
 * many attachment files an encrypted backup put back.
 */
public record RestoreOutcome(Path restoredFrom, Path keptAs, int attachmentsRestored) {
}
