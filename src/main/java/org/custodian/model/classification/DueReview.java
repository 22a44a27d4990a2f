package org.custodian.model.classification;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the reviews-due queue: a dataset whose classification or access review falls due on
 * {@code dueOn}; {@code title} is the English title (else the Chinese one); {@code lastDoneOn} is when that review was last done (the decision's effective date, or the last
 * access review), null when never.
 */
public record DueReview(ReviewKind kind, UUID datasetId, String datasetCode, String title, String titleTc,
                        String department, String level, LocalDate dueOn, LocalDate lastDoneOn) {

    /** The title in the reader's language when the dataset has one. */
    public String title(boolean chinese) {
        return chinese && titleTc != null ? titleTc : title;
    }

    public boolean overdue(LocalDate today) {
        return dueOn.isBefore(today);
    }
}
