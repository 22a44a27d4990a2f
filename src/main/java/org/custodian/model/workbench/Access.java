package org.custodian.model.workbench;

/** How a workbench file is opened: to change it (one writer at a time) or only to read it. */
public enum Access {
    /** Takes the writer lock, migrates the schema if needed. */
    READ_WRITE,
    /** No lock, no migration; works while another instance writes. */
    READ_ONLY
}
