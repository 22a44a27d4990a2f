package org.custodian.model.audit;

/**
 * Checks audit events one by one in sequence order and remembers the first break. Kept free of storage so the
 * rules of the chain are in one place: numbering without gaps from 1, each event pointing at the hash of the
 * one before, and each hash matching the event's content.
 */
public final class ChainWalk {

    private AuditHead last = AuditHead.EMPTY;
    private long checked;
    private ChainVerdict broken;
    private final long watchSequence;
    private String expectedHashSeen;

    public ChainWalk() {
        this(0);
    }

    /** @param watchSequence a sequence whose hash {@link #verdictAgainst} compares; 0 for none */
    public ChainWalk(long watchSequence) {
        this.watchSequence = watchSequence;
    }

    /** @return false once the chain is broken; further events are ignored. */
    public boolean accept(AuditEvent event) {
        if (broken != null) {
            return false;
        }
        long expected = last.sequence() + 1;
        if (event.sequence() != expected) {
            String why = event.sequence() > expected
                    ? "sequence " + expected + " is missing (the next event found is " + event.sequence() + ")"
                    : "sequence " + event.sequence() + " appears out of order after " + last.sequence();
            return fail(expected, why);
        }
        if (!last.hash().equals(event.previousHash())) {
            return fail(event.sequence(), "its previous-hash does not match the hash of sequence " + last.sequence()
                    + " (an event before it was removed, reordered or replaced)");
        }
        String recomputed = AuditDigest.of(event);
        if (!recomputed.equals(event.hash())) {
            return fail(event.sequence(), "its content does not match its hash (the event was edited)");
        }
        last = new AuditHead(event.sequence(), event.hash());
        if (event.sequence() == watchSequence) {
            expectedHashSeen = event.hash();
        }
        checked++;
        return true;
    }

    private boolean fail(long sequence, String why) {
        broken = ChainVerdict.broken(checked, last, sequence, why);
        return false;
    }

    /** The verdict so far; call after the last event. */
    public ChainVerdict verdict() {
        return broken != null ? broken : ChainVerdict.intact(checked, last);
    }

    /**
     * The verdict, also checking that the chain holds a head written down earlier: same hash at that sequence,
     * and not shorter (which catches events removed from the end).
     */
    public ChainVerdict verdictAgainst(AuditHead expected) {
        ChainVerdict verdict = verdict();
        if (!verdict.isIntact() || expected == null) {
            return verdict;
        }
        if (last.sequence() < expected.sequence()) {
            return ChainVerdict.broken(checked, last, last.sequence() + 1,
                    "the chain ends at sequence " + last.sequence() + " but the expected head is sequence "
                            + expected.sequence() + " (events were removed from the end)");
        }
        if (expectedHashSeen != null && !expectedHashSeen.equals(expected.hash())) {
            return ChainVerdict.broken(checked, last, expected.sequence(),
                    "the event at sequence " + expected.sequence() + " does not have the hash written down");
        }
        return verdict;
    }
}
