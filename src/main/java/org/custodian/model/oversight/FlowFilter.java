package org.custodian.model.oversight;

import java.util.EnumSet;
import java.util.Set;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;

/**
 * Which agreements the data-flow map draws: those of the chosen types in the chosen statuses. An empty set
 * chooses nothing of its kind (the map is then empty), so "every type" is spelled out.
 */
public record FlowFilter(Set<AgreementType> types, Set<AgreementStatus> statuses) {

    public FlowFilter {
        types = types.isEmpty() ? EnumSet.noneOf(AgreementType.class) : EnumSet.copyOf(types);
        statuses = statuses.isEmpty() ? EnumSet.noneOf(AgreementStatus.class) : EnumSet.copyOf(statuses);
    }

    /**
     * Every type; the statuses where data flows or is about to (draft, under negotiation, active, suspended).
     * Expired and terminated agreements are history: drawn with the rest they hide today's flows.
     */
    public static FlowFilter current() {
        return new FlowFilter(EnumSet.allOf(AgreementType.class), EnumSet.of(AgreementStatus.DRAFT,
                AgreementStatus.UNDER_NEGOTIATION, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED));
    }

    /** Every agreement, ended ones included. */
    public static FlowFilter everything() {
        return new FlowFilter(EnumSet.allOf(AgreementType.class), EnumSet.allOf(AgreementStatus.class));
    }
}
