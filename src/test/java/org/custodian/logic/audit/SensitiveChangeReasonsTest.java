package org.custodian.logic.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.inventory.BulkEditOutcome;
import org.custodian.logic.inventory.SaveOutcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.sharing.AgreementQuery;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.validation.Problem;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changes the issues call sensitive (retiring a dataset, lowering a level, terminating an agreement, reopening an
 * approved assessment) are refused without a reason, and with one the reason is the audit event's.
 */
class SensitiveChangeReasonsTest {

    @TempDir
    static Path dir;
    static WorkbenchSession session;

    @BeforeAll
    static void load() {
        session = WorkbenchSession.open(dir.resolve("sample.db"), Access.READ_WRITE, "tester", true);
        session.sample().load();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static AuditEvent latest(String entityType, String id) {
        List<AuditEvent> history = session.audit().history(entityType, id);
        return history.get(history.size() - 1);
    }

    private static Dataset inUse(int skip) {
        return session.inventory().page(DatasetQuery.all()).stream()
                .filter(d -> d.lifecycleStatus() != LifecycleStatus.RETIRED).skip(skip).findFirst().orElseThrow();
    }

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    @Test
    void retiringWithoutAReasonRetiresNothing() {
        Dataset d = inUse(0);
        long events = session.audit().eventCount();
        for (String blank : new String[] {null, "", "  "}) {
            BulkEditOutcome refused = session.inventory().retire(List.of(d.id()), blank);
            assertFalse(refused.ok());
            assertEquals(List.of("validation.dataset.retireReason"), keys(refused.refusals().get(0).problems()));
        }
        assertEquals(events, session.audit().eventCount(), "nothing written");
        assertTrue(session.inventory().retire(List.of(d.id()), "superseded by the open data feed").ok());
        assertEquals(LifecycleStatus.RETIRED, session.inventory().find(d.id()).orElseThrow().lifecycleStatus());
        assertEquals("superseded by the open data feed", latest("dataset", d.id().toString()).reason());
    }

    @Test
    void theEditorAndTheBulkEditCannotRetireWithoutAReasonEither() {
        Dataset d = inUse(1);
        Map<DatasetColumn, String> fields = new EnumMap<>(d.columns());
        fields.put(DatasetColumn.LIFECYCLE_STATUS, "retired");
        SaveOutcome refused = session.inventory().save(d.id(), fields, null);
        assertEquals(List.of("validation.dataset.retireReason"), keys(refused.problems()));
        BulkEditOutcome bulk = session.inventory().bulkEdit(List.of(d.id(), inUse(2).id()),
                Map.of(DatasetColumn.LIFECYCLE_STATUS, "retired"), " ");
        assertEquals(2, bulk.refusals().size(), "each dataset it would retire is named");
        assertTrue(session.inventory().save(d.id(), fields, "merged into the register").ok());
        assertEquals("merged into the register", latest("dataset", d.id().toString()).reason());
        // Other edits keep working without one.
        Map<DatasetColumn, String> other = new EnumMap<>(inUse(3).columns());
        other.put(DatasetColumn.CUSTODIAN, "Another Officer");
        assertTrue(session.inventory().save(inUse(3).id(), other, null).ok());
    }

    @Test
    void aDowngradeSaysWhyAndItsRationaleIsTheEventsReason() {
        Dataset d = session.inventory().page(DatasetQuery.all()).stream()
                .filter(x -> "CONFIDENTIAL".equals(x.classification())).findFirst().orElseThrow();
        DecisionInput unexplained = new DecisionInput("RESTRICTED", " ", Map.of(), null, "Chan Tai Man",
                "Lee Siu Ming", " ", null, null, null, null, false);
        Outcome<?> refused = session.classification().classify(d.id(), unexplained);
        assertEquals(List.of("validation.decision.rationale", "validation.decision.justification.downgrade"),
                keys(refused.problems()));
        DecisionInput explained = new DecisionInput("RESTRICTED", "the addresses were removed in March", Map.of(),
                null, "Chan Tai Man", "Lee Siu Ming", "only officers’ names remain", null, null, null, null, false);
        assertTrue(session.classification().classify(d.id(), explained).isDone());
        AuditEvent event = latest("dataset", d.id().toString());
        assertEquals("classify", event.action());
        assertEquals("the addresses were removed in March", event.reason());
        assertTrue(event.after().contains("only officers’ names remain"), "the justification is in the event too");
    }

    @Test
    void terminatingAnAgreementNeedsAReasonThatGoesIntoTheEvent() {
        SharingAgreement a = session.sharing().page(AgreementQuery.all(session.sharing().today())).stream()
                .filter(x -> x.status() == AgreementStatus.ACTIVE).findFirst().orElseThrow();
        var refused = session.sharing().changeStatus(a.id(), AgreementStatus.TERMINATED, session.sharing().today(), " ");
        assertEquals(List.of("validation.agreement.reason"), keys(refused.problems()));
        assertTrue(session.sharing().changeStatus(a.id(), AgreementStatus.TERMINATED, session.sharing().today(),
                "the recipient closed the programme").isDone());
        AuditEvent event = latest("agreement", a.id().toString());
        assertEquals("status", event.action());
        assertEquals("the recipient closed the programme", event.reason());
    }

    @Test
    void reopeningAnApprovedAssessmentNeedsAReasonThatGoesIntoTheEvent() throws Exception {
        Assessment approved = session.assessments().list(null).stream().filter(a -> a.status().approved())
                .filter(a -> session.assessments().revisions(a.reference()).size() == 1).findFirst().orElseThrow();
        var refused = session.assessments().newRevision(approved.key(), null, "");
        assertEquals(List.of("validation.assessment.reopenReason"), keys(refused.problems()));
        var reopened = session.assessments().newRevision(approved.key(), null, "the vendor changed the model");
        assertTrue(reopened.isDone(), reopened.describe());
        Assessment next = reopened.record().assessment();
        assertEquals(AssessmentStatus.DRAFT, next.status());
        AuditEvent created = session.audit().history("assessment", next.key().toString()).get(0);
        assertEquals("create", created.action());
        assertEquals("the vendor changed the model", created.reason());
    }
}
