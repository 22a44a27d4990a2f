package org.custodian.model.inventory;

/** A dataset's life: drafted, in use, replaced by another, or retired (never deleted from the inventory). */
public enum LifecycleStatus implements CodedValue {
    DRAFT("draft"), ACTIVE("active"), SUPERSEDED("superseded"), RETIRED("retired");

    private final String code;

    LifecycleStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelKey() {
        return "dataset.lifecycle." + name();
    }
}
