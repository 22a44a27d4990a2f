package org.custodian.model.reference;

/** The reference lists other records point at; each lists codes with English and Chinese names. */
public enum ReferenceList {
    ORGANISATION("organisation"),
    CATEGORY("category"),
    FORMAT("format");

    private final String entityType;

    ReferenceList(String entityType) {
        this.entityType = entityType;
    }

    /** The entity type written into audit events. */
    public String entityType() {
        return entityType;
    }

    /** The i18n key of the list's name. */
    public String labelKey() {
        return "reference.list." + entityType;
    }
}
