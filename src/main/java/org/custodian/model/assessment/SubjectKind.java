package org.custodian.model.assessment;

import org.custodian.model.inventory.CodedValue;

/** What is assessed. */
public enum SubjectKind implements CodedValue {
    PROJECT, AI_SYSTEM, DATA_FLOW;

    @Override
    public String labelKey() {
        return "assessment.subjectKind." + code();
    }
}
