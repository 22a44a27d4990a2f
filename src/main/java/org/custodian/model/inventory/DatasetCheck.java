package org.custodian.model.inventory;

import java.util.List;
import org.custodian.model.validation.Problem;

/**
 * The outcome of checking one dataset's fields: the parsed record when there is no problem, every problem
 * otherwise, warnings either way, and the reference entries that saving would add.
 */
public record DatasetCheck(Dataset dataset, List<Problem> problems, List<Problem> warnings,
                           List<NewReference> additions) {

    public DatasetCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        additions = List.copyOf(additions);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
