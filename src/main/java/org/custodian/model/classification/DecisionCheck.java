package org.custodian.model.classification;

import java.util.List;
import org.custodian.model.validation.Problem;

/** The outcome of checking a decision: the draft when there is no problem, every problem otherwise. */
public record DecisionCheck(DecisionDraft draft, List<Problem> problems) {

    public DecisionCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
