package org.custodian.model.classification;

import org.custodian.model.inventory.CodedValue;

/** A proposal awaits a decider; only confirmed decisions set a dataset's level. */
public enum DecisionStatus implements CodedValue {
    PROPOSED,
    CONFIRMED;

    @Override
    public String labelKey() {
        return "decision.status." + code();
    }
}
