package org.custodian.logic.classification;

import static org.custodian.logic.classification.ClassificationFixtures.accessReview;
import static org.custodian.logic.classification.ClassificationFixtures.approved;
import static org.custodian.logic.classification.ClassificationFixtures.decision;
import static org.custodian.logic.classification.ClassificationFixtures.firstAt;
import static org.custodian.logic.classification.ClassificationFixtures.id;
import static org.custodian.logic.classification.ClassificationFixtures.inUseAt;
import static org.custodian.logic.classification.ClassificationFixtures.level;
import static org.custodian.logic.inventory.InventoryFiles.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.classification.AccessReview;
import org.custodian.model.classification.AccessReviewInput;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.classification.ReviewQuery;
import org.custodian.model.classification.SourceDataset;
import org.custodian.model.validation.Problem;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions and access reviews over a real workbench file: append-only, the level follows the latest decision. */
class ClassificationTest {

    @TempDir
    Path dir;
    Path file;
    WorkbenchSession session;

    @BeforeEach
    void open() {
        file = dir.resolve("w.db");
        session = InventoryFiles.withSample(file);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private Classification classification() {
        return session.classification();
    }

    private LocalDate today() {
        return classification().today();
    }

    /** Closes the session so a raw connection works on the file as the sqlite3 tool would. */
    private void closeSession() {
        session.close();
        session = null;
    }

    private static SQLException refused(Connection c, String sql, String... args) {
        return assertThrows(SQLException.class, () -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
        }, sql);
    }

    private static List<String> fields(Outcome<?> outcome) {
        return outcome.problems().stream().map(Problem::field).toList();
    }

    // ---- append-only ------------------------------------------------------------------------------------------

    @Test
    void decisionsCannotBeUpdatedOrDeletedWithPlainSql() throws Exception {
        String code = firstAt(session, "CONFIDENTIAL");
        ClassificationDecision current = classification().currentDecision(id(session, code)).orElseThrow();
        long count = classification().decisionCount();
        closeSession();

        String row = "SELECT level || '|' || rationale || '|' || effective_from FROM classification_decision"
                + " WHERE id = '" + current.id() + "'";
        List<String> before = TestFiles.column(file, row);
        assertEquals(1, before.size());
        try (Connection c = TestFiles.raw(file)) {
            SQLException update = refused(c, "UPDATE classification_decision SET level = 'UNCLASSIFIED',"
                    + " rationale = 'changed' WHERE id = ?", current.id().toString());
            assertTrue(update.getMessage().contains(
                    "classification decisions are append-only: record a new decision instead"), update.getMessage());
            SQLException delete = refused(c, "DELETE FROM classification_decision WHERE id = ?",
                    current.id().toString());
            assertTrue(delete.getMessage().contains("classification decisions are append-only and cannot be deleted"),
                    delete.getMessage());
            SQLException deleteAll = refused(c, "DELETE FROM classification_decision");
            assertTrue(deleteAll.getMessage().contains("cannot be deleted"), deleteAll.getMessage());
        }
        assertEquals(before, TestFiles.column(file, row));
        assertEquals(List.of(String.valueOf(count)), TestFiles.column(file,
                "SELECT count(*) FROM classification_decision"));
    }

    @Test
    void accessReviewsCannotBeUpdatedOrDeletedWithPlainSql() throws Exception {
        String code = firstAt(session, "CONFIDENTIAL");
        Outcome<AccessReview> recorded = classification().recordAccessReview(id(session, code),
                accessReview(today().minusDays(3).toString()));
        assertTrue(recorded.isDone(), recorded.describe());
        String reviewId = recorded.record().id().toString();
        closeSession();

        String row = "SELECT reviewer || '|' || findings || '|' || next_due FROM access_review WHERE id = '"
                + reviewId + "'";
        List<String> before = TestFiles.column(file, row);
        assertEquals(1, before.size());
        try (Connection c = TestFiles.raw(file)) {
            SQLException update = refused(c, "UPDATE access_review SET findings = 'all fine', next_due = '2099-01-01'"
                    + " WHERE id = ?", reviewId);
            assertTrue(update.getMessage().contains("access reviews are append-only: record a new review instead"),
                    update.getMessage());
            SQLException delete = refused(c, "DELETE FROM access_review WHERE id = ?", reviewId);
            assertTrue(delete.getMessage().contains("access reviews are append-only and cannot be deleted"),
                    delete.getMessage());
        }
        assertEquals(before, TestFiles.column(file, row));
    }

    @Test
    void aDatasetsLevelCannotBeChangedBehindTheDecisionsBack() throws Exception {
        String code = firstAt(session, "CONFIDENTIAL");
        closeSession();
        String level = "SELECT classification FROM dataset WHERE code = '" + code + "'";
        assertEquals(List.of("CONFIDENTIAL"), TestFiles.column(file, level));
        try (Connection c = TestFiles.raw(file)) {
            for (String sql : new String[] {"UPDATE dataset SET classification = 'UNCLASSIFIED' WHERE code = ?",
                    "UPDATE dataset SET classification = 'SECRET' WHERE code = ?",
                    "UPDATE dataset SET classification = NULL WHERE code = ?"}) {
                SQLException e = refused(c, sql, code);
                assertTrue(e.getMessage().contains("a dataset's level changes only through a classification decision"),
                        e.getMessage());
            }
            // Writing the level its latest decision gives is no change, and is let through.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE dataset SET classification = 'CONFIDENTIAL' WHERE code = ?")) {
                ps.setString(1, code);
                assertEquals(1, ps.executeUpdate());
            }
        }
        assertEquals(List.of("CONFIDENTIAL"), TestFiles.column(file, level));
    }

    // ---- the level follows the latest decision ---------------------------------------------------------------

    @Test
    void theLevelIsThatOfTheLatestDecisionByEffectiveDateNotByRecordingOrder() {
        String code = firstAt(session, "UNCLASSIFIED");
        UUID id = id(session, code);
        int before = classification().decisions(id).size();

        Outcome<ClassificationDecision> now = classification().classify(code,
                decision("RESTRICTED", "now holds officers' contact details", null));
        assertTrue(now.isDone(), now.describe());
        assertEquals(today(), now.record().effectiveFrom());
        assertEquals("RESTRICTED", level(session, code));

        Outcome<ClassificationDecision> backdated = classification().classify(code,
                decision("CONFIDENTIAL", "a review last year found tender prices", today().minusYears(1).toString()));
        assertTrue(backdated.isDone(), backdated.describe());
        assertEquals("RESTRICTED", level(session, code), "a backdated decision does not override today's");
        assertEquals(now.record().id(), classification().currentDecision(id).orElseThrow().id());

        List<ClassificationDecision> history = classification().decisions(id);
        assertEquals(before + 2, history.size());
        assertEquals(now.record().id(), history.get(0).id(), "newest first");
        assertTrue(history.stream().anyMatch(d -> d.id().equals(backdated.record().id())), history.toString());
        for (int i = 1; i < history.size(); i++) {
            assertFalse(history.get(i).effectiveFrom().isAfter(history.get(i - 1).effectiveFrom()),
                    "ordered by effective date, newest first: " + history);
        }
    }

    @Test
    void aDowngradeWithoutApprovalIsRefusedAndChangesNothing() {
        String code = firstAt(session, "CONFIDENTIAL");
        UUID id = id(session, code);
        InventoryFiles.State before = state(session);
        long decisions = classification().decisionCount();

        Outcome<ClassificationDecision> refused = classification().classify(code,
                decision("RESTRICTED", "the tender has closed", null));
        assertFalse(refused.isDone());
        assertNull(refused.record());
        assertEquals(List.of(DecisionInput.APPROVED_BY, DecisionInput.JUSTIFICATION), fields(refused));

        assertEquals(before, state(session), "same audit head, nothing written");
        assertEquals(decisions, classification().decisionCount());
        assertEquals("CONFIDENTIAL", level(session, code));
        assertEquals("CONFIDENTIAL", classification().currentDecision(id).orElseThrow().level());
    }

    @Test
    void anApprovedDowngradeIsRecordedSupersedingTheCurrentDecisionWithItsAuditEvent() {
        String code = firstAt(session, "CONFIDENTIAL");
        UUID id = id(session, code);
        ClassificationDecision previous = classification().currentDecision(id).orElseThrow();
        long events = session.audit().eventCount();

        String rationale = "The term contract has been awarded; prices are now published.";
        Outcome<ClassificationDecision> done = classification().classify(code, approved("RESTRICTED", rationale,
                null));
        assertTrue(done.isDone(), done.describe());
        ClassificationDecision d = done.record();
        assertEquals("RESTRICTED", d.level());
        assertEquals("CONFIDENTIAL", d.previousLevel());
        assertEquals(previous.id(), d.supersedes());
        assertEquals("Lee Ka-yan (Deputy Head)", d.approvedBy());
        assertEquals("the tender has closed", d.justification());
        assertEquals(today().plusYears(2), d.reviewDue(), "RESTRICTED is reviewed every two years");
        assertEquals("tester", d.recordedBy());

        assertEquals("RESTRICTED", level(session, code));
        assertEquals(d, classification().currentDecision(id).orElseThrow());
        assertEquals(events + 1, session.audit().eventCount(), "one audit event for the decision");
        List<AuditEvent> classify = session.inventory().history(id).stream()
                .filter(e -> "classify".equals(e.action())).toList();
        AuditEvent last = classify.stream().filter(e -> rationale.equals(e.reason())).findFirst()
                .orElseThrow(() -> new AssertionError("no classify event with the rationale: " + classify));
        assertEquals("tester", last.actor());
        assertTrue(last.after().contains("RESTRICTED") && last.after().contains(d.id().toString()), last.after());
        assertTrue(last.before().contains("CONFIDENTIAL"), last.before());
    }

    @Test
    void classifyingAnUnknownCodeIsRefused() {
        Outcome<ClassificationDecision> o = classification().classify("NO-SUCH-0001",
                decision("RESTRICTED", "r", null));
        assertFalse(o.isDone());
        assertEquals(List.of("code"), fields(o));
        assertTrue(o.describe().contains("NO-SUCH-0001"), o.describe());
    }

    // ---- access reviews ----------------------------------------------------------------------------------------

    @Test
    void anAccessReviewsNextDueDateDefaultsFromTheLevel() {
        String confidential = firstAt(session, "CONFIDENTIAL");
        LocalDate on = today().minusDays(10);
        Outcome<AccessReview> c = classification().recordAccessReview(id(session, confidential),
                accessReview(on.toString()));
        assertTrue(c.isDone(), c.describe());
        assertEquals(on, c.record().reviewedOn());
        assertEquals(on.plusMonths(6), c.record().nextDue(), "CONFIDENTIAL: every six months");

        String restricted = firstAt(session, "RESTRICTED");
        Outcome<AccessReview> r = classification().recordAccessReview(id(session, restricted), accessReview(""));
        assertTrue(r.isDone(), r.describe());
        assertEquals(today(), r.record().reviewedOn(), "a blank day is today");
        assertEquals(today().plusYears(1), r.record().nextDue(), "RESTRICTED: every year");

        List<AccessReview> stored = classification().accessReviews(id(session, confidential));
        assertEquals(1, stored.size());
        assertEquals(c.record().id(), stored.get(0).id());
        assertEquals(on.plusMonths(6), stored.get(0).nextDue());
    }

    @Test
    void anAccessReviewDatedInTheFutureIsRefusedAndNothingIsRecorded() {
        String code = firstAt(session, "CONFIDENTIAL");
        InventoryFiles.State before = state(session);
        Outcome<AccessReview> o = classification().recordAccessReview(id(session, code),
                accessReview(today().plusDays(1).toString()));
        assertFalse(o.isDone());
        assertEquals(List.of(AccessReviewInput.REVIEWED_ON), fields(o));
        assertEquals(before, state(session));
        assertEquals(List.of(), classification().accessReviews(id(session, code)));
    }

    // ---- derived data ------------------------------------------------------------------------------------------

    @Test
    void sourcesMustBeKnownOtherDatasetsWithoutACycle() {
        List<String> codes = inUseAt(session, "RESTRICTED");
        String a = codes.get(0);
        String b = codes.get(1);
        UUID idA = id(session, a);
        UUID idB = id(session, b);

        InventoryFiles.State before = state(session);
        Outcome<List<SourceDataset>> unknown = classification().setSources(idA, List.of(b, "NO-SUCH-0001"), "lineage");
        assertFalse(unknown.isDone());
        assertEquals(List.of("derived_from"), fields(unknown));
        assertEquals("validation.sources.unknown", unknown.problems().get(0).key());
        assertTrue(unknown.describe().contains("NO-SUCH-0001"), unknown.describe());
        assertEquals(before, state(session));
        assertEquals(List.of(), classification().sources(idA), "a refused change leaves no source");

        Outcome<List<SourceDataset>> self = classification().setSources(idA, List.of(a), "lineage");
        assertFalse(self.isDone());
        assertEquals("validation.sources.self", self.problems().get(0).key());

        Outcome<List<SourceDataset>> aFromB = classification().setSources(idA, List.of(b), "lineage");
        assertTrue(aFromB.isDone(), aFromB.describe());
        assertEquals(List.of(b), classification().sources(idA).stream().map(SourceDataset::code).toList());

        InventoryFiles.State withSource = state(session);
        Outcome<List<SourceDataset>> cycle = classification().setSources(idB, List.of(a), "lineage");
        assertFalse(cycle.isDone());
        assertEquals("validation.sources.cycle", cycle.problems().get(0).key());
        assertTrue(cycle.describe().contains(a) && cycle.describe().contains(b), cycle.describe());
        assertEquals(List.of(), classification().sources(idB));
        assertEquals(withSource, state(session));
    }

    @Test
    void aDerivedDatasetBelowItsSourceNeedsApproval() {
        String register = firstAt(session, "CONFIDENTIAL");
        String stats = firstAt(session, "UNCLASSIFIED");
        assertTrue(classification().setSources(id(session, stats), List.of(register), "statistics").isDone());

        Outcome<ClassificationDecision> below = classification().classify(stats,
                decision("RESTRICTED", "aggregate statistics", null));
        assertEquals(List.of(DecisionInput.APPROVED_BY, DecisionInput.JUSTIFICATION), fields(below));
        assertEquals("validation.decision.approval.belowSource", below.problems().get(0).key());
        assertEquals("UNCLASSIFIED", level(session, stats));

        assertTrue(classification().classify(stats, approved("RESTRICTED", "disclosure control", null)).isDone());
        assertEquals("RESTRICTED", level(session, stats));
    }

    @Test
    void aReviewQueueEntryFollowsTheLatestDecision() {
        String code = firstAt(session, "UNCLASSIFIED");
        assertTrue(classification().classify(code, decision("CONFIDENTIAL", "now holds personal data", null))
                .isDone());
        List<DueReview> mine = classification().due(ReviewQuery.dueWithin(today(), null)).stream()
                .filter(r -> r.datasetCode().equals(code)).toList();
        DueReview review = mine.stream().filter(r -> r.kind() == ReviewKind.CLASSIFICATION).findFirst().orElseThrow();
        assertEquals(today().plusYears(1), review.dueOn());
        assertEquals("CONFIDENTIAL", review.level());
        DueReview access = mine.stream().filter(r -> r.kind() == ReviewKind.ACCESS).findFirst().orElseThrow();
        assertEquals(today().plusMonths(6), access.dueOn(), "first access review: six months after the decision");
    }

    @Test
    void aBackdatedDecisionThatDoesNotTakeEffectSupersedesNothingInForce() {
        String code = firstAt(session, "UNCLASSIFIED");
        UUID id = id(session, code);
        Outcome<ClassificationDecision> now = classification().classify(code,
                decision("RESTRICTED", "now holds officers' contact details", null));
        assertTrue(now.isDone(), now.describe());
        Outcome<ClassificationDecision> backdated = classification().classify(code,
                decision("CONFIDENTIAL", "a review in 2019 found tender prices", "2019-06-01"));
        assertTrue(backdated.isDone(), backdated.describe());

        ClassificationDecision inForce = classification().currentDecision(id).orElseThrow();
        assertEquals(now.record().id(), inForce.id());
        assertEquals("RESTRICTED", level(session, code));
        // The decision in force is superseded by nothing, and the backdated one names what was in force before it.
        assertFalse(classification().decisions(id).stream().anyMatch(d -> inForce.id().equals(d.supersedes())),
                "decision " + backdated.record().id() + " of 2019 claims to supersede the decision in force since "
                        + inForce.effectiveFrom() + " (previous_level " + backdated.record().previousLevel() + ")");
    }
}
