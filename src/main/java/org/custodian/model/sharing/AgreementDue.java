package org.custodian.model.sharing;

import java.time.LocalDate;
import java.util.UUID;

/** An agreement's expiry or review falling due: a row of the "Expiring and due for review" list. */
public record AgreementDue(UUID agreementId, String reference, String title, AgreementType type,
                           AgreementStatus status, DueKind kind, LocalDate dueOn, java.util.List<String> parties) {

    /** @param parties the parties' organisation codes, in the agreement's order */
    public AgreementDue {
        parties = java.util.List.copyOf(parties == null ? java.util.List.of() : parties);
    }

    public boolean overdue(LocalDate today) {
        return dueOn.isBefore(today);
    }
}
