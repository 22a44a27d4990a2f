package org.custodian.model.assessment;

import org.custodian.model.inventory.CodedValue;

/** How serious a likelihood × impact product is. */
public enum RiskBand implements CodedValue {
    LOW, MEDIUM, HIGH, VERY_HIGH;

    @Override
    public String labelKey() {
        return "assessment.band." + code();
    }
}
