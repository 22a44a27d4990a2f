package org.custodian.model.assessment;

import java.time.Instant;

/**
 * One move of an assessment's workflow, append-only: who, in what role, when, why. A decision records the
 * SHA-256 of the content it decided on.
 */
public record WorkflowStep(int sequence, AssessmentStatus from, AssessmentStatus to, String actor, ReviewRole role,
        Instant at, String comment, String contentHash) {
}
