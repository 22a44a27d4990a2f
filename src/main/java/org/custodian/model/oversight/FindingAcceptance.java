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

    /**
     * Whether it holds on {@code day}: made by then (in this computer's zone), not withdrawn by then, and not yet expired
     * (the expiry day itself included).
     */
    public boolean holdsOn(LocalDate day) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        return !expiresOn.isBefore(day) && !acceptedAt.atZone(zone).toLocalDate().isAfter(day)
                && (withdrawnAt == null || withdrawnAt.atZone(zone).toLocalDate().isAfter(day));
    }
}
