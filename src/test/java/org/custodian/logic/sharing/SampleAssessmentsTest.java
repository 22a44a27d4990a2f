package org.custodian.logic.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.io.ImportReport;
import org.custodian.logic.sample.SampleDepartment;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.assessment.WorkflowRules;
import org.custodian.model.assessment.WorkflowStep;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample department's assessments, loaded once through {@code sample load} on a new workbench. */
class SampleAssessmentsTest {

    /** The day the sample describes; its dates are checked against it, whatever the calendar says. */
    private static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 11, 29);
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @TempDir
    static Path dir;
    static WorkbenchSession session;
    static Assessments assessments;
    static ImportReport firstLoad;
    static List<Assessment> all;

    @BeforeAll
    static void load() {
        session = WorkbenchSession.open(dir.resolve("sample.db"), Access.READ_WRITE, "tester", true);
        firstLoad = assessmentsReport(session.sample().load());
        assessments = session.assessments();
        all = assessments.list(null);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static ImportReport assessmentsReport(List<ImportReport> reports) {
        return reports.stream().filter(r -> r.source().equals(SampleDepartment.ASSESSMENTS)).findFirst()
                .orElseThrow(() -> new AssertionError("no assessments report in " + reports));
    }

    private static AssessmentRecord record(Assessment a) {
        return assessments.load(a.key()).orElseThrow();
    }

    @Test
    void everySampleAssessmentLoads() {
        assertEquals(0, firstLoad.rejected(), firstLoad.problems().toString());
        Set<String> references = all.stream().map(Assessment::reference).collect(Collectors.toSet());
        assertTrue(references.size() >= 6, "at least 6 assessments: " + references);
        assertEquals(references.size(), firstLoad.created());
        for (Assessment a : all) {
            assertTrue(a.reference().startsWith("AS-2026-"), a.reference());
            int linked = a.subject().datasetCodes().size();
            assertTrue(linked >= 1 && linked <= 3, a.label() + " links " + linked + " datasets");
            assertEquals(a.subject().datasetCodes().size(),
                    assessments.datasetCodesKnown(a.subject().datasetCodes()).size(), a.label());
        }
    }

    @Test
    void allFourTemplatesAreUsed() {
        assertEquals(Set.copyOf(TemplateCatalog.BUNDLED),
                all.stream().map(Assessment::templateId).collect(Collectors.toSet()));
    }

    @Test
    void everyWorkflowStateIsPresent() {
        Set<AssessmentStatus> states = all.stream().map(Assessment::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AssessmentStatus.class)));
        assertEquals(EnumSet.allOf(AssessmentStatus.class), states);
        // The rejected assessment has a second revision, a draft.
        Assessment rejected = all.stream().filter(a -> a.status() == AssessmentStatus.REJECTED).findFirst()
                .orElseThrow();
        List<Assessment> revisions = assessments.revisions(rejected.reference());
        assertEquals(2, revisions.size());
        assertEquals(AssessmentStatus.DRAFT, revisions.get(1).status());
    }

    @Test
    void approvalsAreSignedByOthersThanTheSubmitterAndRecordTheContent() {
        List<Assessment> approved = all.stream().filter(a -> a.status().approved()).toList();
        assertTrue(approved.size() >= 2, "at least two approved: " + approved);
        assertTrue(approved.stream().anyMatch(a -> a.status() == AssessmentStatus.APPROVED));
        assertTrue(approved.stream().anyMatch(a -> a.status() == AssessmentStatus.APPROVED_WITH_CONDITIONS));
        for (Assessment a : approved) {
            AssessmentRecord r = record(a);
            assertTrue(r.steps().size() >= 2, a.label() + " has a history");
            Set<String> actors = r.steps().stream().map(WorkflowStep::actor).collect(Collectors.toSet());
            assertTrue(actors.size() >= 2, a.label() + " was moved by different people: " + actors);
            WorkflowStep decision = r.steps().get(r.steps().size() - 1);
            assertFalse(decision.actor().equalsIgnoreCase(WorkflowRules.lastSubmitter(r)));
            assertNotNull(a.approvedHash());
            assertEquals(assessments.contentHash(r), a.approvedHash(), a.label());
            assertEquals(a.approvedHash(), decision.contentHash());
            assertTrue(assessments.contentIntact(r));
            assertNotNull(a.reviewDue());
        }
        // One review fell due before the sample day: the overdue-review findings have something to find.
        assertTrue(approved.stream().anyMatch(a -> a.reviewDue().equals(LocalDate.of(2026, 10, 31))));
    }

    @Test
    void aHighRiskAssessmentWasApprovedByTheThirdLine() {
        boolean found = false;
        for (Assessment a : all) {
            AssessmentRecord r = record(a);
            ScoreCard card = assessments.score(r);
            if (a.status().approved() && !card.knockOuts().isEmpty()) {
                assertTrue(card.needsThirdLine(), a.label());
                assertEquals(assessments.templateOf(a).highestLevel(), card.level());
                assertTrue(WorkflowRules.thirdLineSigned(r), a.label());
                assertTrue(r.steps().stream().anyMatch(s -> s.role() == ReviewRole.THIRD_LINE), a.label());
                found = true;
            }
        }
        assertTrue(found, "an approved assessment with a knock-out answer");
    }

    @Test
    void theHistoryIsDatedInTheSampleYearInOrder() {
        for (Assessment a : all) {
            AssessmentRecord r = record(a);
            Instant previous = a.createdAt();
            assertEquals(2026, a.createdAt().atZone(HONG_KONG).getYear(), a.label());
            for (WorkflowStep s : r.steps()) {
                LocalDate day = LocalDate.ofInstant(s.at(), HONG_KONG);
                assertTrue(day.getYear() == 2026 && day.isBefore(SAMPLE_DAY), a.label() + " step on " + day);
                assertFalse(s.at().isBefore(previous), a.label() + " steps in order");
                previous = s.at();
            }
        }
    }

    @Test
    void everyAssessmentButTheDraftsIsComplete() {
        for (Assessment a : all) {
            ScoreCard card = assessments.score(record(a));
            if (a.status() != AssessmentStatus.DRAFT) {
                assertEquals(List.of(), card.requiredMissing(), a.label());
            }
            assertTrue(card.hiddenAnswers() == 0 || a.revision() > 1, a.label() + " has answers that do not show");
        }
    }

    @Test
    void theSampleRouteKeepsTheWorkflowRules() {
        Assessment submitted = all.stream().filter(a -> a.status() == AssessmentStatus.SUBMITTED).findFirst()
                .orElseThrow();
        String submitter = WorkflowRules.lastSubmitter(record(submitted));
        Instant at = LocalDate.of(2026, 11, 25).atStartOfDay(HONG_KONG).toInstant();
        Outcome<AssessmentRecord> own = assessments.move(submitted.key(), AssessmentStatus.APPROVED,
                ReviewRole.REVIEWER, "looks fine", null, submitter, at);
        assertFalse(own.isDone());
        assertTrue(own.problems().stream().anyMatch(p -> p.key().equals("validation.workflow.ownSubmission")),
                own.describe());
        Outcome<AssessmentRecord> early = assessments.move(submitted.key(), AssessmentStatus.CHANGES_REQUESTED,
                ReviewRole.REVIEWER, "too early", null, "Someone Else (Reviewer)", at.minusSeconds(86_400 * 30));
        assertTrue(early.problems().stream().anyMatch(p -> p.key().equals("validation.workflow.order")),
                early.describe());
        assertEquals(AssessmentStatus.SUBMITTED, assessments.load(submitted.key()).orElseThrow().assessment().status());
    }

    @Test
    void aSecondLoadAddsNothing() {
        long events = session.audit().eventCount();
        Map<String, AssessmentStatus> before = all.stream()
                .collect(Collectors.toMap(Assessment::label, Assessment::status));
        ImportReport second = assessmentsReport(session.sample().load());
        assertEquals(0, second.rejected(), second.problems().toString());
        assertEquals(0, second.created());
        assertEquals(firstLoad.created(), second.unchanged());
        assertEquals(all.size(), assessments.total());
        assertEquals(before, assessments.list(null).stream()
                .collect(Collectors.toMap(Assessment::label, Assessment::status)));
        assertEquals(events, session.audit().eventCount(), "the whole second load writes nothing");
    }
}
