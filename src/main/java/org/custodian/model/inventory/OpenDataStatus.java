package org.custodian.model.inventory;

/** Where a dataset stands on the open-data pipeline. */
public enum OpenDataStatus implements CodedValue {
    NOT_PLANNED("not-planned"), PLANNED("planned"), PUBLISHED("published");

    private final String code;

    OpenDataStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelKey() {
        return "dataset.openData." + name();
    }
}
