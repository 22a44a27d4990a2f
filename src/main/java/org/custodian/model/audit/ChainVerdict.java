package org.custodian.model.audit;

import java.util.OptionalLong;

/**
 * What walking the audit chain found: intact up to its head, or broken at the first bad sequence number and why.
 */
public record ChainVerdict(long eventsChecked, AuditHead head, OptionalLong firstBadSequence, String problem) {

    public static ChainVerdict intact(long eventsChecked, AuditHead head) {
        return new ChainVerdict(eventsChecked, head, OptionalLong.empty(), null);
    }

    public static ChainVerdict broken(long eventsChecked, AuditHead lastGood, long badSequence, String problem) {
        return new ChainVerdict(eventsChecked, lastGood, OptionalLong.of(badSequence), problem);
    }

    public boolean isIntact() {
        return firstBadSequence.isEmpty();
    }
}
