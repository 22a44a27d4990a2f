package org.custodian.model.classification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.validation.Problem;

/**
 * The rules for an access-rights review, for the dialog and any importer: a reviewer, the day of the review (not
 * after today), what was reviewed and found, and a next due date after it (by default the review day plus the
 * level's access-review interval).
 */
public final class AccessReviewValidator {

    /** The review as checked, or the problems; {@code level} is the dataset's current level, or null. */
    public record Check(AccessReview review, List<Problem> problems) {
        public Check {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Check check(AccessReviewInput input, UUID datasetId, String datasetCode, ClassificationLevel level,
                       LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String reviewer = DecisionValidator.text(input.reviewer());
        if (reviewer == null) {
            problems.add(Problem.of(AccessReviewInput.REVIEWER, "validation.access.reviewer", "name the reviewer"));
        }
        LocalDate reviewedOn = DecisionValidator.date(input.reviewedOn(), AccessReviewInput.REVIEWED_ON, problems);
        if (reviewedOn == null && DecisionValidator.text(input.reviewedOn()) == null) {
            reviewedOn = today;
        }
        if (reviewedOn != null && reviewedOn.isAfter(today)) {
            problems.add(Problem.of(AccessReviewInput.REVIEWED_ON, "validation.access.future",
                    "a review cannot be recorded for a day after today (" + today + ")", today.toString()));
        }
        String scope = DecisionValidator.text(input.scope());
        if (scope == null) {
            problems.add(Problem.of(AccessReviewInput.SCOPE, "validation.access.scope",
                    "list the accounts or groups reviewed"));
        }
        String findings = DecisionValidator.text(input.findings());
        if (findings == null) {
            problems.add(Problem.of(AccessReviewInput.FINDINGS, "validation.access.findings",
                    "record what the review found (write 'none' when nothing was)"));
        }
        LocalDate nextDue = DecisionValidator.date(input.nextDue(), AccessReviewInput.NEXT_DUE, problems);
        if (nextDue == null && DecisionValidator.text(input.nextDue()) == null && reviewedOn != null
                && level != null && level.rules().accessReview() != null) {
            nextDue = reviewedOn.plus(level.rules().accessReview());
        }
        if (nextDue != null && reviewedOn != null && !nextDue.isAfter(reviewedOn)) {
            problems.add(Problem.of(AccessReviewInput.NEXT_DUE, "validation.access.order",
                    "the next review must fall after this one (" + reviewedOn + ")", reviewedOn.toString()));
        }
        if (!problems.isEmpty()) {
            return new Check(null, problems);
        }
        return new Check(new AccessReview(null, datasetId, datasetCode, reviewer, reviewedOn, scope, findings,
                DecisionValidator.text(input.actions()), nextDue, null, null), List.of());
    }
}
