package org.custodian.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.logic.workbench.WorkbenchSummary;
import org.custodian.model.workbench.WorkbenchAccessException;

/** How opening a file ended, worked out off the FX thread (including the search for a sound backup). */
sealed interface OpenOutcome {

    /** @param anyRecords whether it holds a dataset, an agreement or an assessment (it opens on the dashboard) */
    record Opened(WorkbenchSession session, WorkbenchSummary summary, boolean anyRecords) implements OpenOutcome {
    }

    record Refused(Path file, WorkbenchAccessException reason, Optional<Path> newestVerifiedBackup)
            implements OpenOutcome {
    }
}
