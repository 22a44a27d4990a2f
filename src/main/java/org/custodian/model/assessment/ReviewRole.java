package org.custodian.model.assessment;

import org.custodian.model.inventory.CodedValue;

/**
 * The capacity in which someone acts on an assessment: the three lines of defence. The first line completes and
 * submits; the second and third review and decide; a high-risk result needs the third line to approve.
 */
public enum ReviewRole implements CodedValue {
    /** The project team or the privacy officer completing the assessment. */
    ASSESSOR,
    /** The project steering committee or assurance team. */
    REVIEWER,
    /** The IT board or the CIO, advised by the ethical AI committee. */
    THIRD_LINE;

    @Override
    public String labelKey() {
        return "assessment.role." + code();
    }

    public boolean reviews() {
        return this != ASSESSOR;
    }
}
