package org.custodian.model.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The canonical columns of a dataset in CSV files, JSON objects and audit snapshots, in file order. */
public enum DatasetColumn {
    CODE, TITLE_EN, TITLE_TC, DESCRIPTION_EN, DESCRIPTION_TC, DEPARTMENT, CUSTODIAN, CONTACT_EMAIL, CATEGORY,
    KEYWORDS, FORMATS, UPDATE_FREQUENCY, SOURCE_SYSTEM, CONTAINS_PERSONAL_DATA, PERSONAL_DATA_CATEGORIES,
    CLASSIFICATION, OPEN_DATA_STATUS, RETENTION, CROSS_BOUNDARY, ENCRYPTION_AT_REST,
    LIFECYCLE_STATUS, LANDING_PAGE, LAST_UPDATED;

    private final String header = name().toLowerCase(Locale.ROOT);

    /** The column name in files ({@code title_en}). */
    public String header() {
        return header;
    }

    /** The i18n key of the field's label. */
    public String labelKey() {
        return "dataset.field." + header;
    }

    public boolean multiValued() {
        return this == KEYWORDS || this == FORMATS || this == PERSONAL_DATA_CATEGORIES;
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(DatasetColumn::header).toList();
    }

    public static DatasetColumn byHeader(String header) {
        for (DatasetColumn c : values()) {
            if (c.header.equals(header)) {
                return c;
            }
        }
        return null;
    }
}
