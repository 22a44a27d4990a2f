package org.custodian.logic.inventory;

import java.util.List;
import org.custodian.model.validation.Problem;

/**
 * A bulk edit is all or nothing: either every chosen dataset was changed (or already had the value), or a
 * dataset the change would make invalid refused the whole edit and nothing was written.
 */
public record BulkEditOutcome(int changed, int unchanged, List<Refusal> refusals) {

    /** A dataset the change would make invalid, and why. */
    public record Refusal(String code, List<Problem> problems) {
        public Refusal {
            problems = List.copyOf(problems);
        }

        public String english() {
            StringBuilder s = new StringBuilder(code).append(": ");
            problems.forEach(p -> s.append(p.english()).append("; "));
            return s.substring(0, s.length() - 2);
        }
    }

    public BulkEditOutcome {
        refusals = List.copyOf(refusals);
    }

    public boolean ok() {
        return refusals.isEmpty();
    }
}
