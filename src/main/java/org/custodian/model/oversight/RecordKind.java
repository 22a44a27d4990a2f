package org.custodian.model.oversight;

/** The kinds of record a finding names; each opens on its own page. */
public enum RecordKind {
    DATASET, AGREEMENT, ASSESSMENT;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
