package org.custodian.model.inventory;

/** A dataset's life: drafted, in use, replaced by another, or retired (never deleted from the inventory). */
public enum LifecycleStatus implements CodedValue {
    DRAFT, ACTIVE, SUPERSEDED, RETIRED;

    @Override
    public String labelKey() {
        return "dataset.lifecycle." + name();
    }
}
