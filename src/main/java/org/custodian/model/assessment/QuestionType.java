package org.custodian.model.assessment;

import org.custodian.model.inventory.CodedValue;

/** How a question is answered. Only the choice kinds and the rating carry points. */
public enum QuestionType implements CodedValue {
    /** Yes, no, partly, or not applicable; not applicable counts neither for nor against. */
    YES_NO,
    SINGLE,
    MULTIPLE,
    TEXT,
    NUMBER,
    DATE,
    /** 1 (lowest) to 5. */
    RATING;

    @Override
    public String labelKey() {
        return "assessment.questionType." + code();
    }

    public boolean scored() {
        return this == YES_NO || this == SINGLE || this == MULTIPLE || this == RATING;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }
}
