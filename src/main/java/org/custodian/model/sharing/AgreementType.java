package org.custodian.model.sharing;

import org.custodian.model.inventory.CodedValue;

/** What kind of flow an agreement governs. */
public enum AgreementType implements CodedValue {
    INTER_DEPARTMENTAL_API,
    CONSENTED_EXCHANGE,
    COMMERCIAL_INTERCHANGE,
    CROSS_BOUNDARY_TRANSFER,
    CONTRACTOR_PROCESSOR,
    OPEN_DATA_RELEASE,
    OTHER;

    @Override
    public String labelKey() {
        return "sharing.type." + code();
    }
}
