package org.custodian.model.report;

import org.custodian.model.inventory.CodedValue;

/** The paper a report is laid out for; A4 unless the user asks for Letter. */
public enum PaperSize implements CodedValue {
    A4("A4"), LETTER("letter");

    private final String cssName;

    PaperSize(String cssName) {
        this.cssName = cssName;
    }

    /** The name CSS {@code @page size} knows. */
    public String cssName() {
        return cssName;
    }

    @Override
    public String labelKey() {
        return "report.paper." + code();
    }
}
