package org.custodian.logic.inventory;

import java.util.List;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.validation.Problem;

/** A save either stored the record or found problems (nothing was written); the form shows them by field. */
public record SaveOutcome(Dataset saved, List<Problem> problems) {

    public SaveOutcome {
        problems = List.copyOf(problems);
    }

    public static SaveOutcome saved(Dataset d) {
        return new SaveOutcome(d, List.of());
    }

    public static SaveOutcome refused(List<Problem> problems) {
        return new SaveOutcome(null, problems);
    }

    public boolean ok() {
        return saved != null;
    }
}
