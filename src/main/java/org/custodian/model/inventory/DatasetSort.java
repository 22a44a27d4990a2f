package org.custodian.model.inventory;

/**
 * The orders the inventory can be listed in; the store maps each to a whitelisted expression. Department and
 * category sort by their English names, or (the {@code _TC} ones) by their Chinese names.
 */
public enum DatasetSort {
    CODE, TITLE_EN, TITLE_TC, DEPARTMENT, DEPARTMENT_TC, CATEGORY, CATEGORY_TC, CUSTODIAN, CLASSIFICATION, PERSONAL_DATA,
    ENCRYPTION_AT_REST, OPEN_DATA_STATUS, LIFECYCLE_STATUS, LAST_UPDATED, UPDATED_AT
}
