package org.custodian.model.sharing;

import org.custodian.model.inventory.CodedValue;

/** What falls due on an agreement: its expiry, or its scheduled review. */
public enum DueKind implements CodedValue {
    EXPIRY,
    REVIEW;

    @Override
    public String labelKey() {
        return "sharing.due." + code();
    }
}
