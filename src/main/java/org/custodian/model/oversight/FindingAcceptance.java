package org.custodian.model.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's decision to accept a finding for a time, with why. It holds while it is not withdrawn and its expiry
 * has not passed; after that the finding is open again, and the row stays as the record of the decision.
 */
public record FindingAcceptance(UUID id, String findingKey, String rule, String records, String reason,
                                LocalDate expiresOn, Instant acceptedAt, String acceptedBy, Instant withdrawnAt,
                                String withdrawnBy) {

    /** Whether it still holds on {@code today} (the expiry day itself included). */
    public boolean holdsOn(LocalDate today) {
        return withdrawnAt == null && !expiresOn.isBefore(today);
    }
}
