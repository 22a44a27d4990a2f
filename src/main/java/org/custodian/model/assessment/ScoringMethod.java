package org.custodian.model.assessment;

import org.custodian.model.inventory.CodedValue;

/** Which way a template's points run. */
public enum ScoringMethod implements CodedValue {
    /** Points measure concern: the higher the share of the maximum, the higher the risk. */
    RISK,
    /** Points measure how well the principles are met: the risk is the share not met. */
    COMPLIANCE;

    @Override
    public String labelKey() {
        return "assessment.method." + code();
    }
}
