package org.custodian.model.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One step of an agreement's status timeline: from and to (from is null for its first status), when, who, why. */
public record StatusChange(UUID id, UUID agreementId, AgreementStatus from, AgreementStatus to, LocalDate effectiveOn,
                           String reason, Instant recordedAt, String recordedBy) {
}
