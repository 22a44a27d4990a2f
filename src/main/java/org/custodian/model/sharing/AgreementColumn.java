package org.custodian.model.sharing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The fields of an agreement, by their column names in CSV and JSON (the import's and export's header, in order). */
public enum AgreementColumn {
    REFERENCE,
    TITLE,
    TYPE,
    STATUS,
    STATUS_SINCE,
    PURPOSE,
    LEGAL_BASIS,
    LEGAL_BASIS_NOTE,
    PARTIES,
    DATASETS,
    PERSONAL_DATA_CATEGORIES,
    DATA_SUBJECTS,
    CLASSIFICATION_CEILING,
    MECHANISM,
    FREQUENCY,
    SECURITY_MEASURES,
    RETENTION_DISPOSAL,
    ONWARD_SHARING,
    BREACH_NOTIFICATION,
    RIGHTS_CONTACT,
    CROSS_BOUNDARY,
    DESTINATIONS,
    TRANSFER_MECHANISM,
    SAFEGUARDS,
    TRANSFER_ASSESSMENT,
    EFFECTIVE_FROM,
    EXPIRES_ON,
    REVIEW_DUE,
    TERMINATION_CONDITIONS;

    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The i18n key of the field's label. */
    public String labelKey() {
        return "sharing.field." + header();
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(AgreementColumn::header).toList();
    }
}
