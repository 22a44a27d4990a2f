package org.custodian.model.audit;

import java.util.OptionalLong;

/**
 * What walking the audit chain found: intact up to its head, or broken at the first bad sequence number and why.
 * A chain whose events all check out can still be reported broken when the table's append-only guards are gone,
 * since nothing but the sqlite3 tool removes them.
 */
public record ChainVerdict(long eventsChecked, AuditHead head, OptionalLong firstBadSequence, String problem,
                           String guardProblem) {

    public static ChainVerdict intact(long eventsChecked, AuditHead head) {
        return new ChainVerdict(eventsChecked, head, OptionalLong.empty(), null, null);
    }

    public static ChainVerdict broken(long eventsChecked, AuditHead lastGood, long badSequence, String problem) {
        return new ChainVerdict(eventsChecked, lastGood, OptionalLong.of(badSequence), problem, null);
    }

    public ChainVerdict withGuardProblem(String why) {
        return new ChainVerdict(eventsChecked, head, firstBadSequence, problem, why);
    }

    public boolean isIntact() {
        return firstBadSequence.isEmpty() && guardProblem == null;
    }

    /** One line for people: where the chain breaks and why, or that it is intact. */
    public String describe() {
        if (firstBadSequence.isPresent()) {
            return "broken at sequence " + firstBadSequence.getAsLong() + ": " + problem;
        }
        if (guardProblem != null) {
            return "tampered: " + guardProblem;
        }
        return "intact: " + eventsChecked + " events, head " + head.asText();
    }
}
