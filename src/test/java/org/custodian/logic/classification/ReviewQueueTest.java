package org.custodian.logic.classification;

import static org.custodian.logic.classification.ClassificationFixtures.accessReview;
import static org.custodian.logic.classification.ClassificationFixtures.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.custodian.logic.inventory.BulkEditOutcome;
import org.custodian.logic.inventory.InventoryFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.AccessReview;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.classification.ReviewQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reviews-due queue over the sample workbench (its datasets and decisions). */
class ReviewQueueTest {

    @TempDir
    Path dir;
    WorkbenchSession session;
    LocalDate today;

    @BeforeEach
    void open() {
        session = InventoryFiles.withSample(dir.resolve("w.db"));
        today = session.classification().today();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private List<DueReview> due(ReviewQuery query) {
        return session.classification().due(query);
    }

    private List<DueReview> all() {
        return due(ReviewQuery.dueWithin(today, null));
    }

    /** A review's identity in the queue: its kind and dataset. */
    private static String key(DueReview r) {
        return r.kind() + " " + r.datasetCode();
    }

    private static List<String> keys(List<DueReview> reviews) {
        return reviews.stream().map(ReviewQueueTest::key).toList();
    }

    private DueReview firstOverdue(ReviewKind kind) {
        return all().stream().filter(r -> r.kind() == kind && r.overdue(today)).findFirst()
                .orElseThrow(() -> new AssertionError("the sample has no overdue " + kind + " review"));
    }

    private List<DueReview> entriesOf(UUID datasetId) {
        return all().stream().filter(r -> r.datasetId().equals(datasetId)).toList();
    }

    @Test
    void theQueueIsOrderedByDueDateSoEveryOverdueReviewComesFirst() {
        List<DueReview> due = all();
        assertTrue(due.stream().anyMatch(r -> r.overdue(today)), "the sample has overdue reviews");
        assertTrue(due.stream().anyMatch(r -> !r.overdue(today)), "and reviews not yet due");
        assertTrue(due.stream().anyMatch(r -> r.kind() == ReviewKind.ACCESS));
        assertTrue(due.stream().anyMatch(r -> r.kind() == ReviewKind.CLASSIFICATION));
        for (int i = 1; i < due.size(); i++) {
            assertFalse(due.get(i).dueOn().isBefore(due.get(i - 1).dueOn()),
                    "ascending due dates at " + i + ": " + due.get(i - 1) + " then " + due.get(i));
        }
        int lastOverdue = -1;
        int firstNot = due.size();
        for (int i = 0; i < due.size(); i++) {
            if (due.get(i).overdue(today)) {
                lastOverdue = i;
            } else {
                firstNot = Math.min(firstNot, i);
            }
        }
        assertTrue(lastOverdue < firstNot, "overdue reviews end at " + lastOverdue + ", others start at " + firstNot);
        assertEquals(due.size(), Set.copyOf(keys(due)).size(), "one line per review: " + keys(due));
    }

    @Test
    void theQueueHoldsEveryClassifiedDatasetInUseAndNothingUnscheduled() {
        List<DueReview> due = all();
        for (DueReview r : due) {
            assertTrue(r.level() != null && r.dueOn() != null && r.title() != null, r.toString());
            if (r.kind() == ReviewKind.ACCESS) {
                assertFalse("UNCLASSIFIED".equals(r.level()), "UNCLASSIFIED has no access review: " + r);
            }
        }
        long inUse = ClassificationFixtures.inUseAt(session, "CONFIDENTIAL").size();
        long queued = due.stream().filter(r -> r.kind() == ReviewKind.CLASSIFICATION
                && "CONFIDENTIAL".equals(r.level())).count();
        assertEquals(inUse, queued, "every CONFIDENTIAL dataset in use has its classification review queued");
    }

    @Test
    void withinDaysKeepsTheOverdueOnesAndLeavesOutThoseDueLater() {
        List<DueReview> everything = all();
        List<DueReview> within = due(ReviewQuery.dueWithin(today, 30));
        LocalDate until = today.plusDays(30);

        assertTrue(within.stream().allMatch(r -> !r.dueOn().isAfter(until)), keys(within).toString());
        List<String> expected = keys(everything.stream().filter(r -> !r.dueOn().isAfter(until)).toList());
        assertEquals(expected, keys(within));
        assertTrue(keys(within).containsAll(keys(everything.stream().filter(r -> r.overdue(today)).toList())),
                "every overdue review is listed");
        assertTrue(everything.stream().anyMatch(r -> r.dueOn().isAfter(until)), "the sample has later reviews");
        assertTrue(within.size() < everything.size());

        List<DueReview> overdueOrToday = due(ReviewQuery.dueWithin(today, 0));
        assertTrue(overdueOrToday.stream().allMatch(r -> !r.dueOn().isAfter(today)), keys(overdueOrToday).toString());
    }

    @Test
    void departmentLevelAndKindFilterTheQueue() {
        List<DueReview> everything = all();
        String department = everything.get(0).department();
        assertFiltered(everything, new ReviewQuery(today, null, null, department, null),
                r -> department.equals(r.department()));
        assertFiltered(everything, new ReviewQuery(today, null, null, null, "CONFIDENTIAL"),
                r -> "CONFIDENTIAL".equals(r.level()));
        assertFiltered(everything, new ReviewQuery(today, null, ReviewKind.ACCESS, null, null),
                r -> r.kind() == ReviewKind.ACCESS);
        assertFiltered(everything, new ReviewQuery(today, 30, ReviewKind.CLASSIFICATION, department, "RESTRICTED"),
                r -> r.kind() == ReviewKind.CLASSIFICATION && department.equals(r.department())
                        && "RESTRICTED".equals(r.level()) && !r.dueOn().isAfter(today.plusDays(30)));
        assertEquals(List.of(), due(new ReviewQuery(today, null, null, "no-such-department", null)));
    }

    private void assertFiltered(List<DueReview> everything, ReviewQuery query, Predicate<DueReview> wanted) {
        List<String> expected = keys(everything.stream().filter(wanted).toList());
        List<String> got = keys(due(query));
        assertEquals(expected, got, query.toString());
        if (query.withinDays() == null) {
            assertFalse(got.isEmpty(), "the filter " + query + " should select something in the sample");
            assertTrue(got.size() < everything.size(), "the filter " + query + " should leave something out");
        }
    }

    @Test
    void aRetiredDatasetLeavesTheQueue() {
        DueReview overdue = firstOverdue(ReviewKind.CLASSIFICATION);
        assertFalse(entriesOf(overdue.datasetId()).isEmpty());
        int before = all().size();
        int itsEntries = entriesOf(overdue.datasetId()).size();

        BulkEditOutcome retired = session.inventory().retire(List.of(overdue.datasetId()), "replaced by a new system");
        assertEquals(1, retired.changed(), retired.toString());

        assertEquals(List.of(), entriesOf(overdue.datasetId()));
        assertEquals(before - itsEntries, all().size());
    }

    @Test
    void confirmingTheLevelCompletesAnOverdueClassificationReview() {
        DueReview overdue = firstOverdue(ReviewKind.CLASSIFICATION);
        var outcome = session.classification().classify(overdue.datasetCode(),
                decision(overdue.level(), "Reviewed at the scheduled review; the level stands.", null));
        assertTrue(outcome.isDone(), outcome.describe());
        ClassificationDecision d = outcome.record();

        DueReview after = entriesOf(overdue.datasetId()).stream().filter(r -> r.kind() == ReviewKind.CLASSIFICATION)
                .findFirst().orElseThrow();
        assertEquals(d.reviewDue(), after.dueOn());
        assertTrue(after.dueOn().isAfter(today), after.toString());
        assertFalse(after.overdue(today));
        assertEquals(today, after.lastDoneOn());
        assertFalse(keys(due(ReviewQuery.dueWithin(today, 0))).contains(key(overdue)),
                "no longer among the overdue");
    }

    @Test
    void recordingAnAccessReviewTakesItOutOfTheOverdue() {
        DueReview overdue = firstOverdue(ReviewKind.ACCESS);
        List<DueReview> classificationBefore = entriesOf(overdue.datasetId()).stream()
                .filter(r -> r.kind() == ReviewKind.CLASSIFICATION).toList();
        var outcome = session.classification().recordAccessReview(overdue.datasetId(), accessReview(today.toString()));
        assertTrue(outcome.isDone(), outcome.describe());
        AccessReview review = outcome.record();

        DueReview after = entriesOf(overdue.datasetId()).stream().filter(r -> r.kind() == ReviewKind.ACCESS)
                .findFirst().orElseThrow();
        assertEquals(review.nextDue(), after.dueOn());
        assertTrue(after.dueOn().isAfter(today));
        assertEquals(today, after.lastDoneOn());
        assertFalse(keys(due(ReviewQuery.dueWithin(today, 0))).contains(key(overdue)));
        assertEquals(classificationBefore, entriesOf(overdue.datasetId()).stream()
                .filter(r -> r.kind() == ReviewKind.CLASSIFICATION).toList(),
                "the classification review is not the access review's business");
    }

    @Test
    void theSamplesClassificationReviewsFallDueAsItsReadmeSays() {
        // sample-data/README.md: on 29 November 2026, 62 classification reviews are overdue (across 18
        // departments), 15 fall due within 60 days (11 of them within 30). Six of those 62 are of retired (3) or
        // superseded (3) datasets, which the queue leaves out: it lists 56.
        LocalDate day = LocalDate.of(2026, 11, 29);
        List<DueReview> classification = due(new ReviewQuery(day, null, ReviewKind.CLASSIFICATION, null, null));
        List<DueReview> overdue = classification.stream().filter(r -> r.overdue(day)).toList();
        assertEquals(56, overdue.size());
        assertEquals(18, overdue.stream().map(DueReview::department).filter(Objects::nonNull)
                .collect(Collectors.toSet()).size());
        long within30 = classification.stream().filter(r -> !r.overdue(day) && !r.dueOn().isAfter(day.plusDays(30)))
                .count();
        long within60 = classification.stream().filter(r -> !r.overdue(day) && !r.dueOn().isAfter(day.plusDays(60)))
                .count();
        assertEquals(11, within30);
        assertEquals(15, within60);
    }

    @Test
    void theFirstAccessReviewFallsDueByTheSameCalendarAsEveryOtherDate() {
        // The latest 31st before today whose date six months on has no 31st (SQLite and Java part there).
        LocalDate effective = today.minusMonths(1).withDayOfMonth(1);
        while (effective.lengthOfMonth() != 31 || effective.plusMonths(6).lengthOfMonth() == 31) {
            effective = effective.minusMonths(1).withDayOfMonth(1);
        }
        effective = effective.withDayOfMonth(31);
        LocalDate on = effective;
        String code = ClassificationFixtures.inUseAt(session, "UNCLASSIFIED").stream()
                .filter(c -> session.classification().currentDecision(ClassificationFixtures.id(session, c))
                        .orElseThrow().effectiveFrom().isBefore(on))
                .findFirst().orElseThrow();
        var outcome = session.classification().classify(code, decision("CONFIDENTIAL", "now holds tender prices",
                effective.toString()));
        assertTrue(outcome.isDone(), outcome.describe());

        DueReview access = entriesOf(ClassificationFixtures.id(session, code)).stream()
                .filter(r -> r.kind() == ReviewKind.ACCESS).findFirst().orElseThrow();
        assertEquals(effective.plusMonths(6), access.dueOn(), "first access review of a decision effective on "
                + effective);
    }

    @Test
    void raisingALevelBringsTheNextAccessReviewForwardToTheNewInterval() {
        String code = ClassificationFixtures.firstAt(session, "RESTRICTED");
        java.util.UUID id = ClassificationFixtures.id(session, code);
        var reviewed = session.classification().recordAccessReview(id, ClassificationFixtures.accessReview(
                today.minusDays(10).toString()));
        assertTrue(reviewed.isDone(), reviewed.describe());
        assertEquals(today.minusDays(10).plusYears(1), reviewed.record().nextDue(), "RESTRICTED: a year");

        var raised = session.classification().classify(id, ClassificationFixtures.decision("TOP SECRET",
                "now holds the minister's security arrangements", null));
        assertTrue(raised.isDone(), raised.describe());

        DueReview access = session.classification().reviewsDue(id).stream()
                .filter(r -> r.kind() == org.custodian.model.classification.ReviewKind.ACCESS).findFirst().orElseThrow();
        assertEquals(today.plusMonths(3), access.dueOn(),
                "TOP SECRET access rights are reviewed every 3 months from the decision, not a year from the last review");
    }
}
