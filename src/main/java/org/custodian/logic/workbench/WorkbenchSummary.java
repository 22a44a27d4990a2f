package org.custodian.logic.workbench;

import java.nio.file.Path;
import java.util.Map;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.workbench.Access;

/** What the status bar, the About box and the workbench page show about the open file. */
public record WorkbenchSummary(Path file, Access access, String actor, String schemaVersion, AuditHead auditHead,
                               long auditEvents, Map<ReferenceList, Integer> referenceCounts, long datasets,
                               long overdueReviews, long agreements, long overdueAgreements) {

    public WorkbenchSummary {
        referenceCounts = Map.copyOf(referenceCounts);
    }

    public boolean isEmpty() {
        return auditEvents == 0 && referenceCounts.values().stream().allMatch(n -> n == 0);
    }

    public int count(ReferenceList list) {
        return referenceCounts.getOrDefault(list, 0);
    }
}
