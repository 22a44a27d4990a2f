package org.custodian.model.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One revision of an assessment. {@code reference} names the assessment across its revisions (AS-2026-004);
 * each revision freezes the template it was made from by id, version and hash. {@code approvedHash} is the content
 * hash recorded when it was decided.
 */
public record Assessment(UUID key, String reference, int revision, String title, AssessmentSubject subject,
        String templateId, String templateVersion, String templateHash, AssessmentStatus status,
        Instant createdAt, String createdBy, Instant updatedAt, LocalDate reviewDue, String approvedHash,
        String riskLevel, int riskPercent, double progress) {

    /** "AS-2026-004 r2" as the lists show it. */
    public String label() {
        return revision == 1 ? reference : reference + " r" + revision;
    }
}
