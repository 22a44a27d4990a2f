package org.custodian.logic.inventory;

/** What an import did, or would do, with one row. */
public enum RowOutcome {
    CREATED, UPDATED, UNCHANGED, REJECTED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
