package org.custodian.model.classification;

import java.time.LocalDate;
import java.util.Map;
import org.custodian.model.inventory.ClassificationLevel;

/** A checked decision, ready to be recorded against its dataset; the review date is already defaulted. */
public record DecisionDraft(ClassificationLevel level, DecisionStatus status, String rationale,
                            Map<Criterion, String> criteria, String proposedBy, String decidedBy, String approvedBy,
                            String justification, LocalDate effectiveFrom, LocalDate reviewDue,
                            LocalDate declassifyOn, String declassifyEvent) {

    public DecisionDraft {
        criteria = Map.copyOf(criteria);
    }
}
