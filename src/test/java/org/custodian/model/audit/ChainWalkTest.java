package org.custodian.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

    private static AuditEvent event(long seq, String prev, String actor) {
        return new AuditEvent(seq, Instant.parse("2026-11-29T10:00:00Z").plusSeconds(seq), actor, "dataset", "id-" + seq,
                "update", "{\"a\":1}", "{\"a\":2}", null, prev, null).sealed();
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEvent a = new AuditEvent(1, Instant.EPOCH, "ab", "c", "x", "create", null, null, null,
                AuditDigest.GENESIS, null).sealed();
        AuditEvent b = new AuditEvent(1, Instant.EPOCH, "a", "bc", "x", "create", null, null, null,
                AuditDigest.GENESIS, null).sealed();
        assertNotEquals(a.hash(), b.hash());
        AuditEvent nullReason = new AuditEvent(1, Instant.EPOCH, "a", "b", "x", "create", null, null, null,
                AuditDigest.GENESIS, null).sealed();
        AuditEvent dashReason = new AuditEvent(1, Instant.EPOCH, "a", "b", "x", "create", null, null, "-",
                AuditDigest.GENESIS, null).sealed();
        assertNotEquals(nullReason.hash(), dashReason.hash());
    }

    @Test
    void aWellFormedChainIsIntact() {
        ChainWalk walk = new ChainWalk();
        AuditEvent e1 = event(1, AuditDigest.GENESIS, "a");
        AuditEvent e2 = event(2, e1.hash(), "b");
        assertTrue(walk.accept(e1));
        assertTrue(walk.accept(e2));
        assertTrue(walk.verdict().isIntact());
        assertEquals(new AuditHead(2, e2.hash()), walk.verdict().head());
    }

    @Test
    void theFirstEventMustStartFromGenesis() {
        ChainWalk walk = new ChainWalk();
        walk.accept(event(1, "f".repeat(64), "a"));
        assertEquals(1, walk.verdict().firstBadSequence().getAsLong());
    }

    @Test
    void headTextRoundTrips() {
        AuditHead head = new AuditHead(42, "0123456789abcdef".repeat(4));
        assertEquals(head, AuditHead.parse(head.asText()));
        assertThrows(IllegalArgumentException.class, () -> AuditHead.parse("42"));
        assertThrows(IllegalArgumentException.class, () -> AuditHead.parse("x:" + "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> AuditHead.parse("4:abc"));
    }
}
