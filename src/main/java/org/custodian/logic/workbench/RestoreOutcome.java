package org.custodian.logic.workbench;

import java.nio.file.Path;

/** What a restore did: the backup it restored, and where the replaced file was kept (null when there was none). */
public record RestoreOutcome(Path restoredFrom, Path keptAs) {
}
