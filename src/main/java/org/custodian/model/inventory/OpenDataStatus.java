package org.custodian.model.inventory;

/** Where a dataset stands on the open-data pipeline. */
public enum OpenDataStatus implements CodedValue {
    NOT_PLANNED, PLANNED, PUBLISHED;

    @Override
    public String labelKey() {
        return "dataset.openData." + name();
    }
}
