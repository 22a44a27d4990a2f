package org.custodian.model.classification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One review of who can reach a dataset: the accounts or groups looked at, what was found, what was done about
 * it, and when the next review is due. Recorded reviews are never changed.
 */
public record AccessReview(UUID id, UUID datasetId, String datasetCode, String reviewer, LocalDate reviewedOn,
                           String scope, String findings, String actions, LocalDate nextDue, Instant recordedAt,
                           String recordedBy) {
}
