package org.custodian.model.report;

import org.custodian.model.inventory.CodedValue;

/** The language a report is written in: English, Traditional Chinese, or both side by side. */
public enum ReportLanguage implements CodedValue {
    EN, ZH, BOTH;

    @Override
    public String labelKey() {
        return "report.language." + code();
    }

    public boolean english() {
        return this != ZH;
    }

    public boolean chinese() {
        return this != EN;
    }
}
