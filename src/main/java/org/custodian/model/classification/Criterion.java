package org.custodian.model.classification;

import java.util.Locale;
import org.custodian.model.inventory.CodedValue;

/** What a classification decision weighed; each one ticked carries a note on how it applied. */
public enum Criterion implements CodedValue {
    HARM_IF_DISCLOSED,
    PERSONAL_DATA_VOLUME,
    AGGREGATION,
    COMMERCIAL_SENSITIVITY,
    LEGAL_PRIVILEGE,
    OTHER;

    @Override
    public String labelKey() {
        return "classify.criterion." + code();
    }

    /** Its column in the decisions CSV: the note, or empty when the criterion was not considered. */
    public String header() {
        return "criterion_" + name().toLowerCase(Locale.ROOT);
    }
}
