package org.custodian.model.assessment;

import java.util.EnumSet;
import java.util.Set;
import org.custodian.model.inventory.CodedValue;

/**
 * Where an assessment stands. Drafted, submitted, sent back for changes and resubmitted as often as needed, and
 * decided: approved, approved with conditions, or rejected. A decided assessment is frozen; further work is a
 * new revision.
 */
public enum AssessmentStatus implements CodedValue {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REJECTED;

    @Override
    public String labelKey() {
        return "assessment.status." + code();
    }

    public Set<AssessmentStatus> next() {
        return switch (this) {
            case DRAFT, CHANGES_REQUESTED -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(CHANGES_REQUESTED, APPROVED, APPROVED_WITH_CONDITIONS, REJECTED);
            default -> EnumSet.noneOf(AssessmentStatus.class);
        };
    }

    public boolean canBecome(AssessmentStatus other) {
        return next().contains(other);
    }

    /** Decided: the content is frozen and changes need a new revision. */
    public boolean frozen() {
        return this == APPROVED || this == APPROVED_WITH_CONDITIONS || this == REJECTED;
    }

    public boolean approved() {
        return this == APPROVED || this == APPROVED_WITH_CONDITIONS;
    }

    /** The answers may be edited: only while the assessor holds it. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }
}
