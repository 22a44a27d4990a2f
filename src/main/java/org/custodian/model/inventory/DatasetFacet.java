package org.custodian.model.inventory;

/** The fields the inventory counts and filters by. A value of {@link #NONE} stands for "not recorded". */
public enum DatasetFacet {
    DEPARTMENT, CATEGORY, CLASSIFICATION, PERSONAL_DATA, OPEN_DATA_STATUS, LIFECYCLE_STATUS;

    public static final String NONE = "";

    public String labelKey() {
        return "dataset.facet." + name();
    }
}
