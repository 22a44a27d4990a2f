package org.custodian.model.report;

/**
 * How to write a report: its language and paper, and the marking the user asked for ({@code null}: the highest
 * level of the data it includes). A requested marking may raise the report's level, never lower it.
 */
public record ReportOptions(ReportLanguage language, PaperSize paper, String marking) {

    public ReportOptions {
        language = language == null ? ReportLanguage.EN : language;
        paper = paper == null ? PaperSize.A4 : paper;
        marking = marking == null || marking.isBlank() ? null : marking.strip();
    }

    public static ReportOptions defaults() {
        return new ReportOptions(ReportLanguage.EN, PaperSize.A4, null);
    }
}
