package org.custodian.model.assessment;

import java.time.LocalDate;
import java.util.UUID;

/** A line of the action plan, linked to the question or the risk it answers (either may be empty). */
public record PlannedAction(UUID key, String title, String owner, LocalDate due, ActionStatus status,
        String questionId, UUID riskKey) {
    public PlannedAction {
        title = title == null ? "" : title.strip();
        owner = owner == null ? "" : owner.strip();
        questionId = questionId == null ? "" : questionId;
    }
}
