package org.custodian.model.sharing;

import org.custodian.model.inventory.CodedValue;

/** Why the law allows the sharing; a note says which function, consent, exemption or contract. */
public enum LegalBasis implements CodedValue {
    STATUTORY_FUNCTION,
    CONSENT,
    PDPO_EXEMPTION,
    CONTRACT,
    OTHER;

    @Override
    public String labelKey() {
        return "sharing.legalBasis." + code();
    }
}
