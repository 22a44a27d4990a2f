package org.custodian.logic.assessment;

import static org.custodian.logic.assessment.AssessmentFiles.NOT_PERSONAL;
import static org.custodian.logic.assessment.AssessmentFiles.PERSONAL;
import static org.custodian.logic.assessment.AssessmentFiles.create;
import static org.custodian.logic.assessment.AssessmentFiles.done;
import static org.custodian.logic.assessment.AssessmentFiles.fillRequired;
import static org.custodian.logic.assessment.AssessmentFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Answer;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.assessment.WorkflowRules;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.validation.Problem;
import org.custodian.store.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assessment use cases on a copy of the sample workbench (its inventory and agreements): starting from a bundled
 * template with answers pre-filled from the inventory, answering, raised risks, the three-lines workflow with a
 * second user, freezing on decision, revisions and their comparison.
 */
class AssessmentsTest {

    static final String ASSESSOR = "assessor.chan";
    static final String REVIEWER = "reviewer.wong";
    static final String CIO = "cio.lee";

    @TempDir
    Path dir;
    Path file;
    WorkbenchSession session;

    @BeforeEach
    void open() {
        file = AssessmentFiles.sampleFile(dir.resolve("w.db"));
        session = AssessmentFiles.open(file, ASSESSOR);
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** Closes this user's session and opens the same file as another (the file takes one writer at a time). */
    private Assessments as(String actor) {
        session.close();
        session = AssessmentFiles.open(file, actor);
        return session.assessments();
    }

    private Assessments assessments() {
        return session.assessments();
    }

    private static List<String> keys(Outcome<?> outcome) {
        return outcome.problems().stream().map(Problem::key).toList();
    }

    private List<String> actions(UUID key) {
        return assessments().history(key).stream().map(AuditEvent::action).toList();
    }

    /** What "nothing changed" means: the record, the audit count and head. */
    private record State(AssessmentRecord record, long events, String head) {
    }

    private State state(UUID key) {
        return new State(load(session, key), session.audit().eventCount(), session.audit().head().asText());
    }

    private static Map<String, String> values(AssessmentRecord r) {
        return r.answers().values().stream().collect(Collectors.toMap(Answer::questionId, Answer::value,
                (a, b) -> a, TreeMap::new));
    }

    // ---- starting ----------------------------------------------------------------------------------------------

    @Test
    void startingFromThePrivacyTemplateFillsThePersonalDataQuestionFromTheInventory() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        assertEquals(AssessmentStatus.DRAFT, a.status());
        assertEquals(1, a.revision());
        assertTrue(a.reference().matches("AS-\\d{4}-001"), a.reference());
        assertEquals("privacy-impact", a.templateId());
        assertEquals(TemplateCatalog.bundled("privacy-impact").template().hash(), a.templateHash());
        assertEquals(List.of(PERSONAL), a.subject().datasetCodes());

        Answer pre = load(session, a.key()).answers().get("scr-personal-data");
        assertNotNull(pre, "scr-personal-data is pre-filled");
        assertEquals("yes", pre.value());
        assertTrue(pre.prefilledFrom().contains(PERSONAL), pre.prefilledFrom());
        assertTrue(pre.prefilledFrom().contains("personal data"), pre.prefilledFrom());
        assertTrue(pre.active());
        // No agreement in force is not proof that data stays home: those questions are left to the assessor.
        AssessmentRecord r = load(session, a.key());
        assertNull(r.answers().get("scr-cross-boundary"), "only a flow the register knows answers yes");
        Answer shared = r.answers().get("scr-shared-externally");
        assertEquals("yes", shared.value(), "the dataset is shared under an agreement in force");
        assertTrue(shared.prefilledFrom().startsWith("inventory: shared under " + PERSONAL), shared.prefilledFrom());
        assertEquals(List.of("create", "answer", "answer"), actions(a.key()), "each pre-filled answer is audited");
    }

    @Test
    void aDatasetWithoutPersonalDataPrefillsNoAndSaysWhy() {
        Assessment a = create(session, "privacy-impact", NOT_PERSONAL);
        Answer pre = load(session, a.key()).answers().get("scr-personal-data");
        assertEquals("no", pre.value());
        assertTrue(pre.prefilledFrom().contains("no personal data in " + NOT_PERSONAL), pre.prefilledFrom());
    }

    @Test
    void startingIsRefusedForADatasetNotInTheInventoryAndNothingIsWritten() {
        long events = session.audit().eventCount();
        Outcome<Assessment> o = assessments().create(TemplateCatalog.bundled("privacy-impact"), "A title",
                AssessmentFiles.subject("NO-SUCH-0001"));
        assertEquals(List.of("validation.assessment.dataset"), keys(o));
        assertEquals(0, assessments().total());
        assertEquals(events, session.audit().eventCount());
    }

    @Test
    void startingWithADepartmentNotInTheOrganisationListIsRefusedWithNothingWritten() {
        long events = session.audit().eventCount();
        Outcome<Assessment> o = assessments().create(TemplateCatalog.bundled("privacy-impact"), "A title",
                new AssessmentSubject("A project", SubjectKind.PROJECT, "xx-nowhere", "", List.of()));
        assertFalse(o.isDone());
        assertTrue(o.problems().stream().anyMatch(p -> "department".equals(p.field())), o.describe());
        assertEquals(0, assessments().total());
        assertEquals(events, session.audit().eventCount());
    }

    // ---- answering ---------------------------------------------------------------------------------------------

    @Test
    void anInvalidAnswerIsRefusedAndNothingChanges() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        State before = state(a.key());
        assertEquals(List.of("validation.answer.choice"), keys(assessments().answer(a.key(), "scr-sensitive", "maybe")));
        assertEquals(List.of("validation.answer.number"),
                keys(assessments().answer(a.key(), "scr-subject-count", "lots")));
        assertEquals(List.of("validation.answer.choice"),
                keys(assessments().answer(a.key(), "scr-data-kinds", "contact\nmartians")));
        assertEquals(List.of("validation.answer.question"), keys(assessments().answer(a.key(), "no-such-q", "yes")));
        assertEquals(before, state(a.key()));
    }

    @Test
    void anAnswerIsSavedAtOnceWithItsAuditEvent() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        int eventsBefore = assessments().history(a.key()).size();
        Assessments.Saved saved = done(assessments().answer(a.key(), "scr-project-summary", "  Online renewals.  "));

        Answer stored = load(session, a.key()).answers().get("scr-project-summary");
        assertEquals("Online renewals.", stored.value(), "stored stripped");
        assertEquals(ASSESSOR, stored.changedBy());
        assertNotNull(stored.changedAt());
        assertEquals(stored, saved.record().answers().get("scr-project-summary"));

        List<AuditEvent> history = assessments().history(a.key());
        assertEquals(eventsBefore + 1, history.size());
        AuditEvent last = history.get(history.size() - 1);
        assertEquals("answer", last.action());
        assertEquals(ASSESSOR, last.actor());
        assertTrue(last.after().contains("Online renewals."), last.after());
        assertTrue(session.audit().verify(null, null).isIntact());

        // The same value again is no change and no event.
        done(assessments().answer(a.key(), "scr-project-summary", "Online renewals."));
        assertEquals(eventsBefore + 1, assessments().history(a.key()).size());
    }

    @Test
    void aRiskQuestionsTriggerAnswerRaisesARiskLinkedToTheQuestionOnce() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        assertEquals(List.of(), load(session, a.key()).risks());
        done(assessments().answer(a.key(), "scr-sensitive", "no"));
        assertEquals(List.of(), load(session, a.key()).risks(), "no is not the trigger");
        done(assessments().answer(a.key(), "scr-sensitive", "yes"));
        List<RiskEntry> risks = load(session, a.key()).risks();
        assertEquals(1, risks.size());
        RiskEntry risk = risks.get(0);
        assertEquals("scr-sensitive", risk.questionId());
        assertEquals("Sensitive personal data in scope / 涉及敏感個人資料", risk.title(),
                "the template's risk title in both languages");
        assertEquals(2, risk.likelihood());
        assertEquals(4, risk.impact());
        List<String> actions = actions(a.key());
        assertEquals(List.of("answer", "add-risk"), actions.subList(actions.size() - 2, actions.size()),
                "the risk is raised with the answer, each audited");
        // Answering again (or another value and back) does not raise it twice.
        done(assessments().answer(a.key(), "scr-sensitive", "partial"));
        done(assessments().answer(a.key(), "scr-sensitive", "yes"));
        assertEquals(1, load(session, a.key()).risks().size());
    }

    @Test
    void aHiddenQuestionsTriggerAnswerRaisesNoRisk() {
        Assessment a = create(session, "privacy-impact", NOT_PERSONAL);
        // scr-sensitive shows only when scr-personal-data is yes; here the inventory said no.
        int hidden = assessments().score(load(session, a.key())).hiddenAnswers();
        done(assessments().answer(a.key(), "scr-sensitive", "yes"));
        AssessmentRecord r = load(session, a.key());
        assertEquals(List.of(), r.risks());
        assertFalse(r.answers().get("scr-sensitive").active(), "the kept answer is marked inactive");
        assertEquals(hidden + 1, assessments().score(r).hiddenAnswers());
        // Shown again (the assessor says there is personal data after all), the answer counts and raises its risk.
        done(assessments().answer(a.key(), "scr-personal-data", "yes"));
        r = load(session, a.key());
        assertTrue(r.answers().get("scr-sensitive").active());
        assertEquals(List.of("scr-sensitive"), r.risks().stream().map(RiskEntry::questionId).toList());
    }

    // ---- workflow --------------------------------------------------------------------------------------------

    @Test
    void submittingIsRefusedWhileRequiredQuestionsAreUnanswered() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        State before = state(a.key());
        Outcome<AssessmentRecord> o = assessments().move(a.key(), AssessmentStatus.SUBMITTED, ReviewRole.ASSESSOR,
                null, null);
        assertEquals(List.of("validation.workflow.required"), keys(o));
        assertTrue(o.problems().get(0).english().contains("scr-project-summary"), o.describe());
        assertEquals(before, state(a.key()));
        assertEquals(AssessmentStatus.DRAFT, load(session, a.key()).assessment().status());
    }

    /** A complete privacy assessment of least concern, submitted by the assessor. */
    private Assessment submittedPrivacyAssessment() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        done(assessments().answer(a.key(), "scr-project-summary", "Online renewals of vehicle licences."));
        AssessmentRecord r = fillRequired(session, a.key());
        ScoreCard card = assessments().score(r);
        assertFalse(card.needsThirdLine(), "the calm answers should not need the third line: " + card.level().id()
                + " " + card.knockOuts());
        done(assessments().move(a.key(), AssessmentStatus.SUBMITTED, ReviewRole.ASSESSOR, null, null));
        return a;
    }

    @Test
    void whoeverSubmittedCannotDecideAndAnotherReviewerCan() {
        Assessment a = submittedPrivacyAssessment();
        AssessmentRecord submitted = load(session, a.key());
        assertEquals(AssessmentStatus.SUBMITTED, submitted.assessment().status());
        assertEquals(ASSESSOR, WorkflowRules.lastSubmitter(submitted));
        assertEquals(List.of("validation.assessment.underReview"),
                keys(assessments().answer(a.key(), "scr-project-summary", "changed while under review")));

        State before = state(a.key());
        Outcome<AssessmentRecord> own = assessments().move(a.key(), AssessmentStatus.APPROVED, ReviewRole.REVIEWER,
                "fine", null);
        assertEquals(List.of("validation.workflow.ownSubmission"), keys(own));
        assertEquals(before, state(a.key()), "a refused decision writes nothing");

        // The same person under another spelling of the name is still the same person.
        assertEquals(List.of("validation.workflow.ownSubmission"), keys(as(ASSESSOR.toUpperCase(Locale.ROOT))
                .move(a.key(), AssessmentStatus.APPROVED, ReviewRole.REVIEWER, "fine", null)));

        Assessments reviewer = as(REVIEWER);
        Outcome<AssessmentRecord> approved = reviewer.move(a.key(), AssessmentStatus.APPROVED, ReviewRole.REVIEWER,
                "Reviewed by the steering committee.", null);
        assertTrue(approved.isDone(), approved.describe());
        AssessmentRecord r = approved.record();
        assertEquals(AssessmentStatus.APPROVED, r.assessment().status());
        assertEquals(reviewer.today().plusYears(1), r.assessment().reviewDue());
        assertEquals(2, r.steps().size());
        assertEquals(REVIEWER, r.steps().get(1).actor());
        assertEquals(ReviewRole.REVIEWER, r.steps().get(1).role());
        assertEquals(r.assessment().approvedHash(), r.steps().get(1).contentHash());
    }

    @Test
    void anAssessorCannotDecideEvenOnSomeoneElsesSubmission() {
        Assessment a = submittedPrivacyAssessment();
        Assessments other = as(REVIEWER);
        assertEquals(List.of("validation.workflow.reviewRole"),
                keys(other.move(a.key(), AssessmentStatus.APPROVED, ReviewRole.ASSESSOR, "ok", null)));
        assertEquals(List.of("validation.workflow.comment"),
                keys(other.move(a.key(), AssessmentStatus.CHANGES_REQUESTED, ReviewRole.REVIEWER, " ", null)),
                "sending back says why");
    }

    @Test
    void aResultNeedingTheThirdLineIsApprovedOnlyByTheThirdLine() {
        Assessment a = create(session, "ethical-ai");
        done(assessments().answer(a.key(), "scr-rights-decisions", "yes"));
        AssessmentRecord r = fillRequired(session, a.key());
        ScoreCard card = assessments().score(r);
        assertEquals(List.of("scr-rights-decisions"), card.knockOuts());
        assertEquals(assessments().templateOf(r.assessment()).highestLevel(), card.level());
        assertTrue(card.needsThirdLine());
        done(assessments().move(a.key(), AssessmentStatus.SUBMITTED, ReviewRole.ASSESSOR, null, null));

        Assessments reviewer = as(REVIEWER);
        Outcome<AssessmentRecord> refused = reviewer.move(a.key(), AssessmentStatus.APPROVED, ReviewRole.REVIEWER,
                "Looks fine", null);
        assertEquals(List.of("validation.workflow.thirdLine"), keys(refused));
        assertEquals(List.of("validation.workflow.thirdLine"), keys(reviewer.move(a.key(),
                AssessmentStatus.APPROVED_WITH_CONDITIONS, ReviewRole.REVIEWER, "With conditions", null)));
        assertEquals(AssessmentStatus.SUBMITTED, load(session, a.key()).assessment().status());
        // A reviewer may still send it back or reject it: only approval needs the third line.
        assertTrue(reviewer.workflowProblems(load(session, a.key()), AssessmentStatus.REJECTED, ReviewRole.REVIEWER,
                "Too risky").isEmpty());

        Assessments cio = as(CIO);
        Outcome<AssessmentRecord> approved = cio.move(a.key(), AssessmentStatus.APPROVED, ReviewRole.THIRD_LINE,
                "Approved by the IT board.", null);
        assertTrue(approved.isDone(), approved.describe());
        assertEquals(AssessmentStatus.APPROVED, approved.record().assessment().status());
        assertTrue(WorkflowRules.thirdLineSigned(approved.record()));
    }

    // ---- decided: frozen ---------------------------------------------------------------------------------------

    /** The submitted privacy assessment, approved by the reviewer; the session is the reviewer's afterwards. */
    private Assessment approvedPrivacyAssessment() {
        Assessment a = submittedPrivacyAssessment();
        done(as(REVIEWER).move(a.key(), AssessmentStatus.APPROVED, ReviewRole.REVIEWER, "Approved.", null));
        return a;
    }

    @Test
    void afterApprovalTheAnswersAreFrozenAndTheRecordedHashIsTheContentHash() throws Exception {
        Assessment a = approvedPrivacyAssessment();
        AssessmentRecord r = load(session, a.key());
        assertNotNull(r.assessment().approvedHash());
        assertEquals(assessments().contentHash(r), r.assessment().approvedHash());
        assertTrue(assessments().contentIntact(r));

        Assessments assessor = as(ASSESSOR);
        State before = state(a.key());
        Outcome<Assessments.Saved> answer = assessor.answer(a.key(), "scr-project-summary", "changed afterwards");
        assertEquals(List.of("validation.assessment.frozen"), keys(answer));
        assertTrue(answer.problems().get(0).english().contains("new revision"), answer.describe());
        assertEquals(List.of("validation.assessment.frozen"), keys(assessor.note(a.key(), "scr-sensitive", "a note")));
        assertEquals(List.of("validation.assessment.frozen"), keys(assessor.saveRisk(a.key(),
                new RiskEntry(UUID.randomUUID(), "Late risk", "", 2, 2, "", 1, 1, "", ""))));
        assertEquals(List.of("validation.assessment.frozen"), keys(assessor.addEvidenceReference(a.key(),
                "scr-project-summary", "FILE/2026/1")));
        assertEquals(List.of("validation.workflow.step"), keys(assessor.move(a.key(), AssessmentStatus.SUBMITTED,
                ReviewRole.ASSESSOR, null, null)));
        assertEquals(before, state(a.key()));

        // Below the application, the store refuses too: a raw write to a decided assessment's answers aborts.
        session.close();
        SQLException e = assertThrows(SQLException.class, () -> TestFiles.execute(file,
                "UPDATE assessment_answer SET value = 'tampered' WHERE question_id = 'scr-project-summary'"));
        assertTrue(e.getMessage().contains("frozen"), e.getMessage());
        // So do its risks, actions, evidence and linked datasets: all of them are the decided content.
        for (String sql : List.of("INSERT INTO assessment_risk (id, assessment_key, position, title, likelihood, impact,"
                        + " residual_likelihood, residual_impact) SELECT 'r', row_key, 9, 'late', 1, 1, 1, 1"
                        + " FROM assessment",
                "INSERT INTO assessment_evidence (id, assessment_key, question_id, reference, added_at, added_by)"
                        + " SELECT 'e', row_key, 'scr-sensitive', 'late', '2026-11-29', 'x' FROM assessment",
                "INSERT INTO assessment_action (id, assessment_key, position, title, status)"
                        + " SELECT 'x', row_key, 9, 'late', 'open' FROM assessment",
                "DELETE FROM assessment_dataset",
                "UPDATE assessment SET subject_kind = 'data-flow'")) {
            SQLException refused = assertThrows(SQLException.class, () -> TestFiles.execute(file, sql), sql);
            assertTrue(refused.getMessage().contains("frozen"), sql + ": " + refused.getMessage());
        }
        session = AssessmentFiles.open(file, ASSESSOR);
        AssessmentRecord after = load(session, a.key());
        assertEquals(r.answers(), after.answers());
        assertTrue(assessments().contentIntact(after));
    }

    @Test
    void anAnsweredQuestionThatExpectsEvidenceIsListedUntilEvidenceIsAdded() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        org.custodian.model.assessment.AssessmentTemplate t = assessments().templateOf(a);
        assertTrue(t.question("dpp1-pics").evidenceRequired());
        assertEquals(List.of(), assessments().evidenceMissing(load(session, a.key())), "nothing answered yet");
        done(assessments().answer(a.key(), "dpp1-pics", "yes"));
        assertEquals(List.of(t.numberOf("dpp1-pics")), assessments().evidenceMissing(load(session, a.key())));
        done(assessments().addEvidenceReference(a.key(), "dpp1-pics", "PICS v3, TD/PRIV/2026/9"));
        assertEquals(List.of(), assessments().evidenceMissing(load(session, a.key())));
    }

    @Test
    void deletingARiskUnlinksTheActionsThatAnsweredIt() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        RiskEntry risk = done(assessments().saveRisk(a.key(), new RiskEntry(UUID.randomUUID(), "Leak", "", 2, 3, "",
                2, 2, "", "")));
        org.custodian.model.assessment.PlannedAction action = done(assessments().saveAction(a.key(),
                new org.custodian.model.assessment.PlannedAction(UUID.randomUUID(), "Encrypt backups", "IT",
                        null, org.custodian.model.assessment.ActionStatus.OPEN, "scr-project-summary", risk.key())));
        done(assessments().deleteRisk(a.key(), risk));
        org.custodian.model.assessment.PlannedAction after = load(session, a.key()).actions().get(0);
        assertEquals(action.key(), after.key());
        assertNull(after.riskKey(), "the action no longer names a risk that is gone");
        assertEquals("scr-project-summary", after.questionId(), "its question link stays");
    }

    @Test
    void aDeletedRiskWaitsInTheTrashAndComesBackWithItsActionsLinks() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        RiskEntry risk = done(assessments().saveRisk(a.key(), new RiskEntry(UUID.randomUUID(), "Leak", "", 2, 3, "",
                2, 2, "", "")));
        org.custodian.model.assessment.PlannedAction action = done(assessments().saveAction(a.key(),
                new org.custodian.model.assessment.PlannedAction(UUID.randomUUID(), "Encrypt backups", "IT",
                        null, org.custodian.model.assessment.ActionStatus.OPEN, "scr-project-summary", risk.key())));
        done(assessments().deleteRisk(a.key(), risk));
        List<org.custodian.model.workbench.TrashItem> trash = session.trash().list();
        assertEquals(1, trash.size());
        assertEquals("risk", trash.get(0).kind());
        assertEquals("Leak", trash.get(0).label());
        assertEquals(ASSESSOR, trash.get(0).deletedBy());
        assertTrue(trash.get(0).ownerLabel().contains(a.reference()), trash.get(0).ownerLabel());

        session.trash().restore(trash.get(0).id());
        AssessmentRecord back = load(session, a.key());
        assertEquals(List.of(risk), back.risks(), "the risk is back as it was");
        assertEquals(risk.key(), back.actions().get(0).riskKey(), "and the action answers it again");
        assertEquals(action.key(), back.actions().get(0).key());
        assertEquals(List.of(), session.trash().list());
        List<String> actions = session.assessments().history(a.key()).stream()
                .map(org.custodian.model.audit.AuditEvent::action).toList();
        assertTrue(actions.containsAll(List.of("remove-risk", "restore-from-trash")), actions.toString());
    }

    @Test
    void removedEvidenceKeepsItsFileUntilPurgedWithAReason() throws Exception {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        Path pdf = dir.resolve("pics.pdf");
        java.nio.file.Files.writeString(pdf, "%PDF-1.4 collection statement");
        org.custodian.model.assessment.Evidence e = done(assessments().addEvidenceFile(a.key(), "dpp1-pics", pdf));
        Path stored = session.assessments().evidencePath(e);
        done(assessments().removeEvidence(a.key(), e));
        assertTrue(java.nio.file.Files.exists(stored), "kept while the evidence is in the trash");
        var item = session.trash().list().get(0);
        assertEquals(e.storedName(), item.storedFile());

        assertThrows(org.custodian.logic.io.InputRejectedException.class,
                () -> session.trash().purge(item.id(), " "), "a purge needs a reason");
        assertEquals(1, session.trash().list().size());
        session.trash().purge(item.id(), "uploaded to the wrong assessment");
        assertFalse(java.nio.file.Files.exists(stored), "purged: the file nothing names is gone");
        assertEquals(List.of(), session.trash().list());
        var purge = session.audit().history("trash", item.id().toString());
        assertEquals(1, purge.size());
        assertEquals("purge", purge.get(0).action());
        assertEquals("uploaded to the wrong assessment", purge.get(0).reason());
    }

    @Test
    void aTrashItemCannotBePutBackIntoAnAssessmentWithTheReviewers() {
        Assessment a = submittedPrivacyAssessmentWithADeletedRisk();
        var item = session.trash().list().get(0);
        org.custodian.logic.io.InputRejectedException refused = assertThrows(
                org.custodian.logic.io.InputRejectedException.class, () -> session.trash().restore(item.id()));
        assertTrue(refused.getMessage().contains("is submitted"), refused.getMessage());
        assertEquals(List.of(), load(session, a.key()).risks(), "the reviewers decide on what they were sent");
    }

    private Assessment submittedPrivacyAssessmentWithADeletedRisk() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        RiskEntry risk = done(assessments().saveRisk(a.key(), new RiskEntry(UUID.randomUUID(), "Leak", "", 1, 1, "",
                1, 1, "", "")));
        done(assessments().deleteRisk(a.key(), risk));
        done(assessments().answer(a.key(), "scr-project-summary", "Online renewals of vehicle licences."));
        fillRequired(session, a.key());
        done(assessments().move(a.key(), AssessmentStatus.SUBMITTED, ReviewRole.ASSESSOR, null, null));
        return a;
    }

    @Test
    void aTrashItemOfADecidedAssessmentCannotBePutBackIntoIt() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        RiskEntry risk = done(assessments().saveRisk(a.key(), new RiskEntry(UUID.randomUUID(), "Leak", "", 1, 1, "",
                1, 1, "", "")));
        done(assessments().deleteRisk(a.key(), risk));
        done(assessments().answer(a.key(), "scr-project-summary", "Online renewals of vehicle licences."));
        fillRequired(session, a.key());
        done(assessments().move(a.key(), AssessmentStatus.SUBMITTED, ReviewRole.ASSESSOR, null, null));
        assertTrue(as(REVIEWER).move(a.key(), AssessmentStatus.APPROVED, ReviewRole.REVIEWER, "ok", null).isDone());
        var item = session.trash().list().get(0);
        org.custodian.logic.io.InputRejectedException refused = assertThrows(
                org.custodian.logic.io.InputRejectedException.class, () -> session.trash().restore(item.id()));
        assertTrue(refused.getMessage().contains("only a draft or one with changes requested"), refused.getMessage());
        assertEquals(1, session.trash().list().size(), "still in the trash");
        assertEquals(List.of(), load(session, a.key()).risks());
    }

    @Test
    void anActionNamingAQuestionTheTemplateDoesNotHaveIsRefused() {
        Assessment a = create(session, "privacy-impact", PERSONAL);
        Outcome<org.custodian.model.assessment.PlannedAction> o = assessments().saveAction(a.key(),
                new org.custodian.model.assessment.PlannedAction(UUID.randomUUID(), "Check", "IT", null,
                        org.custodian.model.assessment.ActionStatus.OPEN, "3.4", null));
        assertEquals(List.of("validation.answer.question"), keys(o));
        assertEquals(List.of(), load(session, a.key()).actions());
    }

    @Test
    void aScreeningQuestionThatCanForceTheHighestLevelIsNotAnsweredNotApplicable() {
        Assessment a = create(session, "ethical-ai", PERSONAL);
        assertEquals(List.of("validation.answer.notApplicable"), keys(assessments().answer(a.key(), "scr-safety",
                "na")));
        done(assessments().answer(a.key(), "scr-safety", "no"));
        assertEquals("no", load(session, a.key()).answers().get("scr-safety").value());
    }

    // ---- revisions ---------------------------------------------------------------------------------------------

    @Test
    void aNewRevisionCopiesTheAnswersIntoADraftRevisionTwo() throws Exception {
        Assessment a = approvedPrivacyAssessment();
        AssessmentRecord first = load(session, a.key());
        Assessments assessor = as(ASSESSOR);
        Assessments.Revised revised = done(assessor.newRevision(a.key(), null, "yearly review"));
        Assessment second = revised.assessment();
        assertEquals(List.of(), revised.unmapped());
        assertEquals(a.reference(), second.reference());
        assertEquals(2, second.revision());
        assertEquals(AssessmentStatus.DRAFT, second.status());
        assertNull(second.approvedHash());
        assertEquals(first.assessment().templateHash(), second.templateHash());
        AssessmentRecord copy = load(session, second.key());
        assertEquals(values(first), values(copy));
        assertEquals(first.risks().stream().map(RiskEntry::title).toList(),
                copy.risks().stream().map(RiskEntry::title).toList());
        assertEquals(List.of(), copy.steps(), "the new revision starts its own workflow");
        // Revision 1 keeps its decision.
        AssessmentRecord old = load(session, a.key());
        assertEquals(AssessmentStatus.APPROVED, old.assessment().status());
        assertTrue(assessor.contentIntact(old));
        assertEquals(List.of(1, 2), assessor.revisions(a.reference()).stream().map(Assessment::revision).toList());
        // Only the latest revision starts the next.
        assertEquals(List.of("validation.assessment.notLatest"), keys(assessor.newRevision(a.key(), null, "yearly review")));
        // And the draft takes answers again.
        done(assessor.answer(second.key(), "scr-project-summary", "Now with a chatbot."));
    }

    @Test
    void comparingRevisionsMarksOnlyTheChangedAnswer() throws Exception {
        Assessment a = approvedPrivacyAssessment();
        Assessments assessor = as(ASSESSOR);
        Assessment second = done(assessor.newRevision(a.key(), null, "yearly review")).assessment();
        done(assessor.answer(second.key(), "scr-project-summary", "Now with a chatbot."));

        List<Assessments.ComparedAnswer> rows = assessor.compare(load(session, a.key()), load(session, second.key()),
                Locale.ENGLISH);
        assertEquals(assessor.templateOf(second).questions().size(), rows.size(), "one row per question");
        List<Assessments.ComparedAnswer> changed = rows.stream().filter(Assessments.ComparedAnswer::changed).toList();
        assertEquals(1, changed.size(), () -> changed.toString());
        Assessments.ComparedAnswer row = changed.get(0);
        assertEquals("scr-project-summary", row.questionId());
        assertEquals("Online renewals of vehicle licences.", row.left());
        assertEquals("Now with a chatbot.", row.right());
        Assessments.ComparedAnswer same = rows.stream().filter(x -> x.questionId().equals("scr-personal-data"))
                .findFirst().orElseThrow();
        assertFalse(same.changed());
        assertEquals("yes", same.left());
        assertEquals("yes", same.right());
    }
}
