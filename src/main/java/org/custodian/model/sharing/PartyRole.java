package org.custodian.model.sharing;

import org.custodian.model.inventory.CodedValue;

/** A party's part in an agreement. A joint controller is on both sides. */
public enum PartyRole implements CodedValue {
    PROVIDER,
    RECIPIENT,
    JOINT_CONTROLLER,
    PROCESSOR;

    @Override
    public String labelKey() {
        return "sharing.role." + code();
    }

    /** Whether a party in this role gives data. */
    public boolean provides() {
        return this == PROVIDER || this == JOINT_CONTROLLER;
    }

    /** Whether a party in this role receives data. */
    public boolean receives() {
        return this != PROVIDER;
    }
}
