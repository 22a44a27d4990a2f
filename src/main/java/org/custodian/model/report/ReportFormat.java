package org.custodian.model.report;

import java.util.Locale;
import org.custodian.model.inventory.CodedValue;

/** What a report is written as: a PDF to print and sign, one self-contained HTML file, or its tables as CSV. */
public enum ReportFormat implements CodedValue {
    PDF("pdf"), HTML("html"), CSV("csv");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    @Override
    public String labelKey() {
        return "report.format." + code();
    }

    /** The format a file name asks for by its extension ({@code .htm} too), or null. */
    public static ReportFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".htm")) {
            return HTML;
        }
        for (ReportFormat f : values()) {
            if (lower.endsWith("." + f.extension)) {
                return f;
            }
        }
        return null;
    }
}
