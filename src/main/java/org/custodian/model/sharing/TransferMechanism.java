package org.custodian.model.sharing;

import org.custodian.model.inventory.CodedValue;

/**
 * What makes a cross-boundary transfer lawful: the PCPD's recommended model contractual clauses (data user to
 * data user, or to a data processor), the Greater Bay Area standard contract, the data subjects' consent, other.
 */
public enum TransferMechanism implements CodedValue {
    MODEL_CLAUSES_USER_TO_USER,
    MODEL_CLAUSES_USER_TO_PROCESSOR,
    GBA_STANDARD_CONTRACT,
    CONSENT,
    OTHER;

    @Override
    public String labelKey() {
        return "sharing.transfer." + code();
    }
}
