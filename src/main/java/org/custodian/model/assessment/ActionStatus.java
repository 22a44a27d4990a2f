package org.custodian.model.assessment;

import org.custodian.model.inventory.CodedValue;

public enum ActionStatus implements CodedValue {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    @Override
    public String labelKey() {
        return "assessment.actionStatus." + code();
    }

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
