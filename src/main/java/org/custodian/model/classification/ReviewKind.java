package org.custodian.model.classification;

import org.custodian.model.inventory.CodedValue;

/** The two reviews a classified dataset is due: of its level, and of who can reach it. */
public enum ReviewKind implements CodedValue {
    CLASSIFICATION,
    ACCESS;

    @Override
    public String labelKey() {
        return "review.kind." + code();
    }
}
