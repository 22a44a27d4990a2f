package org.custodian.model.sharing;

import java.time.LocalDate;
import java.util.UUID;

/** An agreement's expiry or review falling due: a row of the "Expiring and due for review" list. */
public record AgreementDue(UUID agreementId, String reference, String title, AgreementType type,
                           AgreementStatus status, DueKind kind, LocalDate dueOn, String parties) {

    public boolean overdue(LocalDate today) {
        return dueOn.isBefore(today);
    }
}
