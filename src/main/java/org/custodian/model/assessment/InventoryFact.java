package org.custodian.model.assessment;

import org.custodian.model.inventory.CodedValue;

/** What the inventory knows about an assessment's linked datasets that can answer a yes/no question for it. */
public enum InventoryFact implements CodedValue {
    /** A linked dataset holds personal data. */
    PERSONAL_DATA,
    /** A linked dataset is covered by an agreement in force that crosses the boundary. */
    CROSS_BOUNDARY,
    /** A linked dataset is covered by any agreement in force. */
    SHARED_EXTERNALLY,
    /** A linked dataset is planned for, or published on, the open-data portal. */
    OPEN_DATA;

    @Override
    public String labelKey() {
        return "assessment.fact." + code();
    }
}
