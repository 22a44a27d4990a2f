package org.custodian.model.sharing;

import java.util.List;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.validation.Problem;

/**
 * The outcome of checking an agreement's fields: the parsed record when there is no problem, every problem
 * otherwise, warnings either way, and the organisations saving would add to the reference list.
 */
public record AgreementCheck(SharingAgreement agreement, List<Problem> problems, List<Problem> warnings,
                             List<NewReference> additions) {

    public AgreementCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        additions = List.copyOf(additions);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
