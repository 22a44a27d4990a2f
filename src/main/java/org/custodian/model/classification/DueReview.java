package org.custodian.model.classification;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the reviews-due queue: a dataset whose classification or access review falls due on
 * {@code dueOn}; {@code lastDoneOn} is when that review was last done (the decision's effective date, or the last
 * access review), null when never.
 */
public record DueReview(ReviewKind kind, UUID datasetId, String datasetCode, String title, String department,
                        String level, LocalDate dueOn, LocalDate lastDoneOn) {

    public boolean overdue(LocalDate today) {
        return dueOn.isBefore(today);
    }
}
