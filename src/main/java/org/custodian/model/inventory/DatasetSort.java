package org.custodian.model.inventory;

/** The orders the inventory can be listed in; the store maps each to a whitelisted expression. */
public enum DatasetSort {
    CODE, TITLE_EN, TITLE_TC, DEPARTMENT, CATEGORY, CUSTODIAN, CLASSIFICATION, PERSONAL_DATA, OPEN_DATA_STATUS,
    LIFECYCLE_STATUS, LAST_UPDATED, UPDATED_AT
}
