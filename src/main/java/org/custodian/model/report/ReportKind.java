package org.custodian.model.report;

import org.custodian.model.inventory.CodedValue;

/** The reports the workbench prints. */
public enum ReportKind implements CodedValue {
    ASSESSMENT, INVENTORY, AGREEMENTS, REVIEWS, AUDIT_LOG;

    @Override
    public String labelKey() {
        return "report.kind." + code();
    }
}
