package org.custodian.logic.report;

import java.nio.file.Path;
import java.util.Set;
import org.custodian.model.report.ReportFormat;

/**
 * A written report: where, in what format, how many pages (0 for HTML and CSV), its fingerprint and marking,
 * the audit event that records it, and the characters no font could print (shown as "?").
 */
public record ReportOutcome(Path file, ReportFormat format, int pages, String fingerprint, String marking,
                            long auditSequence, Set<String> missingCharacters) {
}
