package org.custodian.model.classification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded classification decision. Decisions are never changed or removed: a later one supersedes an
 * earlier, and the dataset's level is that of its latest confirmed decision (by effective date, then by when it
 * was recorded).
 */
public record ClassificationDecision(UUID id, UUID datasetId, String datasetCode, DecisionStatus status, String level,
                                     String previousLevel, String rationale, Map<Criterion, String> criteria,
                                     String proposedBy, String decidedBy, String approvedBy, String justification,
                                     LocalDate effectiveFrom, LocalDate reviewDue, LocalDate declassifyOn,
                                     String declassifyEvent, UUID supersedes, Instant recordedAt, String recordedBy) {

    public ClassificationDecision {
        criteria = Map.copyOf(criteria);
    }

    public boolean confirmed() {
        return status == DecisionStatus.CONFIRMED;
    }
}
