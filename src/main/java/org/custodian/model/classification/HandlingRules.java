package org.custodian.model.classification;

import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How data at one level must be handled. A null review period means no scheduled review at that level (public
 * data need not have its access rights reviewed).
 *
 * @param downgradeNeedsApproval lowering a dataset from this level needs an approver and a justification
 */
public record HandlingRules(boolean encryptionAtRest, boolean openDataAllowed, Set<ExchangeMechanism> mechanisms,
                            Period classificationReview, Period accessReview, boolean downgradeNeedsApproval) {

    public HandlingRules {
        mechanisms = mechanisms.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(ExchangeMechanism.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(mechanisms));
    }

    public boolean allows(ExchangeMechanism mechanism) {
        return mechanisms.contains(mechanism);
    }
}
