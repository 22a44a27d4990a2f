package org.custodian.model.sharing;

import java.util.EnumSet;
import java.util.Set;
import org.custodian.model.inventory.CodedValue;

/**
 * Where an agreement stands. An agreement is drafted, negotiated, made active, and ends suspended, expired or
 * terminated; a suspended or expired one may be made active again (resumed, renewed). Terminated is final.
 */
public enum AgreementStatus implements CodedValue {
    DRAFT,
    UNDER_NEGOTIATION,
    ACTIVE,
    SUSPENDED,
    EXPIRED,
    TERMINATED;

    @Override
    public String labelKey() {
        return "sharing.status." + code();
    }

    /** The statuses this one may change to. */
    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(UNDER_NEGOTIATION, ACTIVE, TERMINATED);
            case UNDER_NEGOTIATION -> EnumSet.of(DRAFT, ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(SUSPENDED, EXPIRED, TERMINATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, EXPIRED, TERMINATED);
            case EXPIRED -> EnumSet.of(ACTIVE, TERMINATED);
            case TERMINATED -> EnumSet.noneOf(AgreementStatus.class);
        };
    }

    public boolean canBecome(AgreementStatus other) {
        return next().contains(other);
    }

    /** Whether data may flow, or may again, under an agreement in this status: its dates still matter. */
    public boolean inForce() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
