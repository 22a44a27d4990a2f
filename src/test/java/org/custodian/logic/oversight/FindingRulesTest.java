package org.custodian.logic.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.AccessReviewInput;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.oversight.Finding;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.RecordKind;
import org.custodian.model.oversight.RecordRef;
import org.custodian.model.oversight.Severity;
import org.custodian.model.sharing.AgreementColumn;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule on the sample department as it stands on 29 November 2026 (the day the sample describes): a record
 * the sample leaves wrong triggers it, and the same register after the fix a person would make does not. Every
 * test works on its own copy of one loaded sample workbench.
 */
class FindingRulesTest {

    static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 11, 29);

    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    static Path loaded;
    WorkbenchSession session;

    @BeforeAll
    static void loadSampleOnce() {
        loaded = shared.resolve("sample.db");
        try (WorkbenchSession s = WorkbenchSession.open(loaded, Access.READ_WRITE, "tester", true)) {
            s.sample().load();
        }
    }

    @BeforeEach
    void copy() throws Exception {
        Path file = dir.resolve("w.db");
        Files.copy(loaded, file, StandardCopyOption.REPLACE_EXISTING);
        session = WorkbenchSession.open(file, Access.READ_WRITE, "officer", false);
    }

    @AfterEach
    void close() {
        session.close();
    }

    // ---- the sample as a whole ---------------------------------------------------------------------------------

    @Test
    void theSampleDepartmentTriggersEveryRule() {
        Set<FindingRule> seen = session.findings().evaluate(SAMPLE_DAY).findings().stream()
                .map(s -> s.finding().rule()).collect(Collectors.toCollection(() -> EnumSet.noneOf(FindingRule.class)));
        assertEquals(EnumSet.allOf(FindingRule.class), seen);
    }

    @Test
    void everyFindingNamesItsRecordsInBothLanguagesWithAFix() {
        FindingText en = new FindingText(org.custodian.model.report.ReportLanguage.EN);
        FindingText zh = new FindingText(org.custodian.model.report.ReportLanguage.ZH);
        for (FindingState s : session.findings().evaluate(SAMPLE_DAY).findings()) {
            Finding f = s.finding();
            String first = f.records().get(0).label();
            assertTrue(en.message(f).contains(first), en.message(f));
            assertTrue(zh.message(f).contains(first), zh.message(f));
            assertFalse(en.fix(f).isBlank());
            assertFalse(zh.fix(f).equals(en.fix(f)), "the fix is translated: " + f.rule());
        }
    }

    // ---- one test per rule: triggered by the sample, gone after the fix -------------------------------------------

    @Test
    void openDataAtALevelThatForbidsIt() {
        assertFound(FindingRule.OPEN_DATA_LEVEL, "BD-SIGN-0001");
        saveDataset("BD-SIGN-0001", DatasetColumn.OPEN_DATA_STATUS, "not-planned");
        assertNotFound(FindingRule.OPEN_DATA_LEVEL, "BD-SIGN-0001");
        // a published UNCLASSIFIED dataset is what open data should be
        assertNotFound(FindingRule.OPEN_DATA_LEVEL, "BD-OP-0001");
    }

    @Test
    void personalDataSharedWithoutALegalBasis() {
        assertFound(FindingRule.SHARING_NO_LEGAL_BASIS, "DSA-2026-009");
        saveAgreement("DSA-2026-009", AgreementColumn.LEGAL_BASIS, "consent");
        assertNotFound(FindingRule.SHARING_NO_LEGAL_BASIS, "DSA-2026-009");
    }

    @Test
    void crossBoundaryTransferWithoutSafeguards() {
        assertFound(FindingRule.CROSS_BOUNDARY_NO_SAFEGUARDS, "DSA-2026-012");
        saveAgreement("DSA-2026-012", AgreementColumn.SAFEGUARDS, "GBA standard contract signed and filed; per-episode"
                + " consent; the summary only.");
        assertNotFound(FindingRule.CROSS_BOUNDARY_NO_SAFEGUARDS, "DSA-2026-012");
    }

    @Test
    void expiredAgreementStillActive() {
        assertFound(FindingRule.AGREEMENT_EXPIRED_ACTIVE, "DSA-2022-017");
        SharingAgreement a = agreement("DSA-2022-017");
        assertTrue(session.sharing().changeStatus(a.id(), AgreementStatus.EXPIRED, a.expiresOn(),
                "lapsed; renewal under discussion").isDone());
        assertNotFound(FindingRule.AGREEMENT_EXPIRED_ACTIVE, "DSA-2022-017");
    }

    @Test
    void agreementExpiringWithinThirtyDaysWithNoReviewDue() {
        assertFound(FindingRule.AGREEMENT_EXPIRING_NO_REVIEW, "DSA-2024-003");
        // six weeks earlier its expiry was not yet within 30 days
        assertTrue(ofRule(FindingRule.AGREEMENT_EXPIRING_NO_REVIEW, SAMPLE_DAY.minusWeeks(6)).stream()
                .noneMatch(f -> names(f, "DSA-2024-003")));
        saveAgreement("DSA-2024-003", AgreementColumn.REVIEW_DUE, "2026-12-07");
        assertNotFound(FindingRule.AGREEMENT_EXPIRING_NO_REVIEW, "DSA-2024-003");
    }

    @Test
    void datasetAboveTheAgreementsCeiling() {
        Finding f = assertFound(FindingRule.CEILING_BELOW_LEVEL, "LCSD-BOOK-0001");
        assertEquals(List.of("LCSD-BOOK-0001", "DSA-2022-013"), f.records().stream().map(RecordRef::label).toList());
        assertEquals(List.of(RecordKind.DATASET, RecordKind.AGREEMENT),
                f.records().stream().map(RecordRef::kind).toList());
        saveAgreement("DSA-2022-013", AgreementColumn.CLASSIFICATION_CEILING, "CONFIDENTIAL");
        assertNotFound(FindingRule.CEILING_BELOW_LEVEL, "LCSD-BOOK-0001");
    }

    @Test
    void levelRequiringEncryptionWithNoneRecorded() {
        assertFound(FindingRule.ENCRYPTION_NOT_RECORDED, "HYD-CLAIM-0001");
        saveDataset("HYD-CLAIM-0001", DatasetColumn.ENCRYPTION_AT_REST, "yes");
        assertNotFound(FindingRule.ENCRYPTION_NOT_RECORDED, "HYD-CLAIM-0001");
        // UNCLASSIFIED needs no encryption at rest
        assertNotFound(FindingRule.ENCRYPTION_NOT_RECORDED, "BD-OP-0001");
    }

    @Test
    void classificationReviewOverdue() {
        assertFound(FindingRule.CLASSIFICATION_REVIEW_OVERDUE, "SWD-FCW-0001");
        UUID id = session.classification().datasetId("SWD-FCW-0001").orElseThrow();
        String level = session.classification().currentDecision(id).orElseThrow().level();
        Outcome<?> reviewed = session.classification().classify(id, new DecisionInput(level,
                "Scheduled review: the content and its harm are unchanged, so the level stands.", Map.of(), null,
                "Reviewing Officer", null, null, SAMPLE_DAY.toString(), null, null, null, false));
        assertTrue(reviewed.isDone(), reviewed.describe());
        assertNotFound(FindingRule.CLASSIFICATION_REVIEW_OVERDUE, "SWD-FCW-0001");
    }

    @Test
    void accessReviewOverdue() {
        assertFound(FindingRule.ACCESS_REVIEW_OVERDUE, "SWD-CSSA-0001");
        UUID id = session.classification().datasetId("SWD-CSSA-0001").orElseThrow();
        Outcome<?> reviewed = session.classification().recordAccessReview(id, new AccessReviewInput(
                "Access Reviewer", SAMPLE_DAY.toString(), "all accounts", "two leavers removed", null, null));
        assertTrue(reviewed.isDone(), reviewed.describe());
        assertNotFound(FindingRule.ACCESS_REVIEW_OVERDUE, "SWD-CSSA-0001");
    }

    @Test
    void derivedDatasetBelowItsSourceWithoutApprovedJustification() {
        Finding f = assertFound(FindingRule.DERIVED_BELOW_SOURCE, "SWD-DV-0001");
        assertEquals(List.of("SWD-DV-0001", "SWD-CPR-0001"), f.records().stream().map(RecordRef::label).toList());
        // HD-WL-0002 is below its source too, but its decision carries an approver and a justification
        assertNotFound(FindingRule.DERIVED_BELOW_SOURCE, "HD-WL-0002");
        Outcome<?> raised = session.classification().classify("SWD-DV-0001", new DecisionInput("SECRET",
                "Raised to match the child protection registry it draws on.", Map.of(), null, "Security Officer", null,
                null, SAMPLE_DAY.toString(), null, null, null, false));
        assertTrue(raised.isDone(), raised.describe());
        assertNotFound(FindingRule.DERIVED_BELOW_SOURCE, "SWD-DV-0001");
    }

    @Test
    void aiAssessmentOverPersonalDataWithItsPrivacyQuestionsUnanswered() {
        Finding f = assertFound(FindingRule.AI_PRIVACY_UNANSWERED, "AS-2026-007");
        assertTrue(f.records().stream().anyMatch(r -> r.label().equals("SWD-HOTLINE-0001")));
        UUID key = session.assessments().find("AS-2026-007", 0).orElseThrow().key();
        for (String q : List.of("scr-sensitive-data", "scr-monitoring-people", "pln-pia", "pln-minimisation",
                "dev-privacy-by-design")) {
            assertTrue(session.assessments().answer(key, q, "yes").isDone(), q);
        }
        assertNotFound(FindingRule.AI_PRIVACY_UNANSWERED, "AS-2026-007");
    }

    @Test
    void approvedAssessmentPastItsReviewDate() {
        assertFound(FindingRule.ASSESSMENT_REVIEW_OVERDUE, "AS-2026-002");
        // the day before its review date it was in order
        assertTrue(ofRule(FindingRule.ASSESSMENT_REVIEW_OVERDUE, LocalDate.of(2026, 10, 30)).stream()
                .noneMatch(f -> names(f, "AS-2026-002")));
    }

    @Test
    void highRiskAssessmentWithoutThirdLineSignOff() {
        assertFound(FindingRule.HIGH_RISK_NO_THIRD_LINE, "AS-2026-007");
        // the building inspection model is high-risk too, and the third line approved it
        assertNotFound(FindingRule.HIGH_RISK_NO_THIRD_LINE, "AS-2026-001");
        UUID key = session.assessments().find("AS-2026-007", 0).orElseThrow().key();
        assertTrue(session.assessments().answer(key, "scr-vulnerable", "no").isDone());
        assertNotFound(FindingRule.HIGH_RISK_NO_THIRD_LINE, "AS-2026-007");
    }

    @Test
    void personalDataWithNoRetentionPeriod() {
        assertFound(FindingRule.PERSONAL_DATA_NO_RETENTION, "HYD-DEFECT-0001");
        saveDataset("HYD-DEFECT-0001", DatasetColumn.RETENTION, "P2Y");
        assertNotFound(FindingRule.PERSONAL_DATA_NO_RETENTION, "HYD-DEFECT-0001");
    }

    @Test
    void activeDatasetWithoutCustodianOrContact() {
        assertFound(FindingRule.NO_CUSTODIAN_OR_CONTACT, "HKO-TIDE-0001");
        saveDataset("HKO-TIDE-0001", DatasetColumn.CONTACT_EMAIL, "tides@hko.gov.hk");
        assertNotFound(FindingRule.NO_CUSTODIAN_OR_CONTACT, "HKO-TIDE-0001");
        saveDataset("HKO-TIDE-0001", DatasetColumn.CUSTODIAN, "");
        assertFound(FindingRule.NO_CUSTODIAN_OR_CONTACT, "HKO-TIDE-0001");
    }

    @Test
    void retiredDatasetsRaiseNoDatasetFindings() {
        assertFound(FindingRule.PERSONAL_DATA_NO_RETENTION, "HYD-DEFECT-0001");
        Dataset d = session.inventory().findByCode("HYD-DEFECT-0001").orElseThrow();
        assertEquals(1, session.inventory().retire(List.of(d.id()), "replaced by the new defects system").changed());
        assertTrue(session.findings().evaluate(SAMPLE_DAY).findings().stream()
                .noneMatch(s -> names(s.finding(), "HYD-DEFECT-0001")));
    }

    @Test
    void severitiesAreAsTheRulesSayAndADraftsGapsWeighLess() {
        List<Finding> all = session.findings().evaluate(SAMPLE_DAY).findings().stream().map(FindingState::finding)
                .toList();
        Map<Severity, Integer> open = session.findings().evaluate(SAMPLE_DAY).openBySeverity();
        assertEquals(all.stream().filter(f -> f.severity() == Severity.HIGH).count(),
                open.get(Severity.HIGH).longValue());
        assertTrue(all.stream().filter(f -> f.rule() != FindingRule.AI_PRIVACY_UNANSWERED
                && f.rule() != FindingRule.HIGH_RISK_NO_THIRD_LINE).allMatch(f -> f.severity() == f.rule().severity()));
        assertEquals(Severity.LOW, FindingRule.NO_CUSTODIAN_OR_CONTACT.severity());
        // AS-2026-007 is a draft: its missing privacy answers and third-line sign-off are medium until submitted
        assertEquals(Severity.MEDIUM, assertFound(FindingRule.AI_PRIVACY_UNANSWERED, "AS-2026-007").severity());
        assertEquals(Severity.MEDIUM, assertFound(FindingRule.HIGH_RISK_NO_THIRD_LINE, "AS-2026-007").severity());
        assertEquals(Severity.HIGH, FindingRule.HIGH_RISK_NO_THIRD_LINE.severity());
    }

    @Test
    void messagesNameLevelsInTheReadersLanguage() {
        Finding f = assertFound(FindingRule.CEILING_BELOW_LEVEL, "LCSD-BOOK-0001");
        FindingText zh = new FindingText(org.custodian.model.report.ReportLanguage.ZH);
        FindingText en = new FindingText(org.custodian.model.report.ReportLanguage.EN);
        assertTrue(zh.message(f).contains("機密") && zh.message(f).contains("限閱文件"), zh.message(f));
        assertTrue(en.message(f).contains("CONFIDENTIAL") && en.message(f).contains("RESTRICTED"), en.message(f));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private List<Finding> ofRule(FindingRule rule, LocalDate day) {
        return session.findings().evaluate(day).findings().stream().map(FindingState::finding)
                .filter(f -> f.rule() == rule).toList();
    }

    private static boolean names(Finding f, String label) {
        return f.records().stream().anyMatch(r -> r.label().equals(label));
    }

    private Finding assertFound(FindingRule rule, String firstRecord) {
        List<Finding> found = ofRule(rule, SAMPLE_DAY);
        return found.stream().filter(f -> f.records().get(0).label().equals(firstRecord)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " does not name " + firstRecord + ": " + found));
    }

    private void assertNotFound(FindingRule rule, String record) {
        List<Finding> found = ofRule(rule, SAMPLE_DAY);
        assertTrue(found.stream().noneMatch(f -> names(f, record)), rule + " still names " + record + ": " + found);
    }

    private void saveDataset(String code, DatasetColumn column, String value) {
        Dataset d = session.inventory().findByCode(code).orElseThrow();
        Map<DatasetColumn, String> fields = new EnumMap<>(DatasetColumn.class);
        fields.putAll(d.columns());
        fields.put(column, value);
        var outcome = session.inventory().save(d.id(), fields, "fixing a finding");
        assertTrue(outcome.ok(), outcome.problems().toString());
    }

    private SharingAgreement agreement(String reference) {
        return session.sharing().findByReference(reference).orElseThrow();
    }

    private void saveAgreement(String reference, AgreementColumn column, String value) {
        SharingAgreement a = agreement(reference);
        Map<AgreementColumn, String> fields = new EnumMap<>(AgreementColumn.class);
        fields.putAll(a.columns());
        fields.put(column, value);
        Outcome<SharingAgreement> saved = session.sharing().save(a.id(), fields, null);
        assertTrue(saved.isDone(), saved.describe());
    }
}
