package org.custodian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.custodian.model.audit.AuditDigest;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.audit.ChainVerdict;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {

    private static final String[] DROP_GUARDS = {
        "DROP TRIGGER audit_event_no_update", "DROP TRIGGER audit_event_no_delete"};

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void tenEvents() {
        file = TestFiles.withOrganisations(dir.resolve("chain.db"), 10);
    }

    private static final String[] GUARDS_BACK = {
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'x'); END",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'x'); END"};

    private static String[] guardsDroppedThen(String... statements) {
        String[] all = java.util.Arrays.copyOf(DROP_GUARDS, DROP_GUARDS.length + statements.length);
        System.arraycopy(statements, 0, all, DROP_GUARDS.length, statements.length);
        return all;
    }

    private ChainVerdict verify(AuditHead expected) {
        try (Database db = Database.open(file, Access.READ_ONLY, "auditor", false)) {
            return db.verifyAuditChain(expected, null);
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        ChainVerdict v = verify(null);
        assertTrue(v.isIntact());
        assertEquals(10, v.eventsChecked());
        assertEquals(10, v.head().sequence());
    }

    @Test
    void eachEventCarriesWhoWhenWhatAndTheLink() throws Exception {
        try (Database db = Database.open(file, Access.READ_ONLY, "auditor", false)) {
            String id = TestFiles.column(file, "SELECT id FROM organisation WHERE code = 'org-2'").get(0);
            AuditEvent e = db.auditHistory("organisation", id).get(0);
            assertEquals(2, e.sequence());
            assertEquals(TestFiles.ACTOR, e.actor());
            assertEquals("create", e.action());
            assertEquals("{\"code\":\"org-2\",\"name_en\":\"Organisation 2\",\"name_tc\":\"機構 2\"}", e.after());
            assertEquals(AuditDigest.of(e), e.hash());
            assertEquals(TestFiles.column(file, "SELECT hash FROM audit_event WHERE seq = 1").get(0), e.previousHash());
        }
    }

    @Test
    void editingOneEventIsCaughtAtItsSequence() throws Exception {
        TestFiles.execute(file, guardsDroppedThen("UPDATE audit_event SET after_json = replace(after_json, '5', '6') WHERE seq = 5"));
        ChainVerdict v = verify(null);
        assertFalse(v.isIntact());
        assertEquals(5, v.firstBadSequence().getAsLong());
        assertTrue(v.problem().contains("edited"), v.problem());
        assertEquals(4, v.eventsChecked());
    }

    @Test
    void editingAndResealingOneEventIsCaughtAtTheNext() throws Exception {
        // A careful forger recomputes the edited event's hash; the next event still points at the old one.
        AuditEvent forged;
        try (Database db = Database.open(file, Access.READ_ONLY, "x", false)) {
            String id = TestFiles.column(file, "SELECT entity_id FROM audit_event WHERE seq = 5").get(0);
            AuditEvent original = db.auditHistory("organisation", id).get(0);
            forged = new AuditEvent(original.sequence(), original.occurredAt(), "mallory", original.entityType(),
                    original.entityId(), original.action(), original.before(), original.after(), original.reason(),
                    original.previousHash(), null).sealed();
        }
        TestFiles.execute(file, guardsDroppedThen("UPDATE audit_event SET actor = 'mallory', hash = '" + forged.hash()
                + "' WHERE seq = 5"));
        ChainVerdict v = verify(null);
        assertEquals(6, v.firstBadSequence().getAsLong());
        assertTrue(v.problem().contains("previous-hash"), v.problem());
    }

    @Test
    void deletingOneEventIsCaughtAtTheGap() throws Exception {
        TestFiles.execute(file, guardsDroppedThen("DELETE FROM audit_event WHERE seq = 7"));
        ChainVerdict v = verify(null);
        assertEquals(7, v.firstBadSequence().getAsLong());
        assertTrue(v.problem().contains("missing"), v.problem());
    }

    @Test
    void swappingTwoEventsIsCaughtAtTheFirstOfThem() throws Exception {
        String cols = "occurred_at, actor, entity_type, entity_id, action, before_json, after_json, reason, prev_hash, hash";
        TestFiles.execute(file, guardsDroppedThen(
                "CREATE TEMP TABLE a AS SELECT " + cols + " FROM audit_event WHERE seq = 3",
                "CREATE TEMP TABLE b AS SELECT " + cols + " FROM audit_event WHERE seq = 8",
                "UPDATE audit_event SET (" + cols + ") = (SELECT " + cols + " FROM b) WHERE seq = 3",
                "UPDATE audit_event SET (" + cols + ") = (SELECT " + cols + " FROM a) WHERE seq = 8"));
        ChainVerdict v = verify(null);
        assertEquals(3, v.firstBadSequence().getAsLong());
    }

    @Test
    void removingTheNewestEventsIsCaughtAgainstAWrittenDownHead() throws Exception {
        AuditHead writtenDown = verify(null).head();
        TestFiles.execute(file, guardsDroppedThen("DELETE FROM audit_event WHERE seq >= 9"));
        TestFiles.execute(file, GUARDS_BACK); // a careful forger puts the guards back
        assertTrue(verify(null).isIntact(), "a shorter chain is still a chain");
        ChainVerdict v = verify(writtenDown);
        assertFalse(v.isIntact());
        assertEquals(9, v.firstBadSequence().getAsLong());
        assertTrue(v.problem().contains("removed from the end"), v.problem());
    }

    @Test
    void droppingTheGuardsIsReportedEvenWithEveryEventIntact() throws Exception {
        TestFiles.execute(file, DROP_GUARDS);
        ChainVerdict v = verify(null);
        assertFalse(v.isIntact());
        assertTrue(v.firstBadSequence().isEmpty());
        assertTrue(v.describe().contains("append-only guards"), v.describe());
    }

    @Test
    void rewritingATimeInAnotherSpellingOfTheSameInstantIsCaught() throws Exception {
        String stored = TestFiles.column(file, "SELECT occurred_at FROM audit_event WHERE seq = 4").get(0);
        String same = java.time.Instant.parse(stored).atOffset(java.time.ZoneOffset.ofHours(8)).toString();
        TestFiles.execute(file, guardsDroppedThen("UPDATE audit_event SET occurred_at = '" + same + "' WHERE seq = 4"));
        TestFiles.execute(file, GUARDS_BACK);
        ChainVerdict v = verify(null);
        assertEquals(4, v.firstBadSequence().getAsLong(), v.describe());
    }

    @Test
    void storingAValueAsAnotherTypeIsCaught() throws Exception {
        TestFiles.execute(file, guardsDroppedThen("UPDATE audit_event SET actor = CAST(actor AS BLOB) WHERE seq = 6"));
        TestFiles.execute(file, GUARDS_BACK);
        ChainVerdict v = verify(null);
        assertEquals(6, v.firstBadSequence().getAsLong(), v.describe());
        assertTrue(v.problem().contains("wrong type"), v.problem());
    }

    @Test
    void aHeadWithAnotherHashIsReported() {
        AuditHead wrong = new AuditHead(10, "ab".repeat(32));
        ChainVerdict v = verify(wrong);
        assertFalse(v.isIntact());
        assertEquals(10, v.firstBadSequence().getAsLong());
    }

    @Test
    void beforeAndAfterAreCanonicalJson() {
        try (Database db = TestFiles.create(dir.resolve("json.db"))) {
            var unordered = new java.util.LinkedHashMap<String, Object>();
            unordered.put("zeta", 1);
            unordered.put("alpha", "一");
            AuditEvent e = db.recordEvent("workbench", "w", "note", unordered, "why");
            assertEquals("{\"alpha\":\"一\",\"zeta\":1}", e.after());
            assertEquals("why", e.reason());
        }
    }
}
