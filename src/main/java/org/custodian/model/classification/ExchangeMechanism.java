package org.custodian.model.classification;

import org.custodian.model.inventory.CodedValue;

/** How data leaves its holder; a level's handling rules name the mechanisms it may travel by. */
public enum ExchangeMechanism implements CodedValue {
    API,
    GATEWAY,
    SECURE_FILE_TRANSFER,
    PHYSICAL_MEDIA,
    OTHER;

    @Override
    public String labelKey() {
        return "handling.mechanism." + code();
    }
}
