package org.custodian.logic.report;

import java.util.Set;
import org.custodian.model.report.ReportFormat;

/** A report laid out in memory (for the preview, the printer or a file), not yet recorded. */
public record RenderedReport(ReportContent content, ReportFormat format, byte[] bytes, int pages,
                             Set<String> missingCharacters) {
}
