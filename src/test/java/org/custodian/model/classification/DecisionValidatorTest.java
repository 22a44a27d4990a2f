package org.custodian.model.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.custodian.logic.classification.SchemeFile;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionValidatorTest {

    private static final ClassificationScheme HK = SchemeFile.bundled("hk-government");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private final DecisionValidator validator = new DecisionValidator();

    private static ClassificationLevel level(String code) {
        return HK.level(code).orElseThrow(() -> new AssertionError(code + " is not in the HK scheme"));
    }

    /** A context for dataset X-1 at {@code current} (null: none yet), derived from nothing. */
    private static DecisionContext at(String current) {
        return new DecisionContext(HK, "X-1", current == null ? null : level(current), null, List.of(), TODAY);
    }

    /** A confirmed decision with the given fields; everything else blank. */
    private static DecisionInput input(String level, String rationale, String decidedBy) {
        return DecisionInput.of(level, rationale, decidedBy);
    }

    private static DecisionInput with(String level, String decidedBy, String approvedBy, String justification,
                                      String effectiveFrom, String reviewDue) {
        return new DecisionInput(level, "holds addresses", Map.of(), null, decidedBy, approvedBy, justification,
                effectiveFrom, reviewDue, null, null, false);
    }

    private DecisionCheck check(DecisionInput input, DecisionContext context) {
        return validator.check(input, context);
    }

    private static List<String> fields(DecisionCheck check) {
        return check.problems().stream().map(Problem::field).toList();
    }

    private static Problem only(DecisionCheck check) {
        assertEquals(1, check.problems().size(), () -> "expected one problem: " + check.problems());
        return check.problems().get(0);
    }

    @Test
    void aPlainDecisionIsConfirmedEffectiveTodayWithItsText() {
        DecisionCheck c = check(input("restricted", "  holds officers' names  ", "Wong"), at(null));
        assertTrue(c.valid(), c.problems().toString());
        DecisionDraft d = c.draft();
        assertEquals("RESTRICTED", d.level().code());
        assertEquals(DecisionStatus.CONFIRMED, d.status());
        assertEquals("holds officers' names", d.rationale());
        assertEquals("Wong", d.decidedBy());
        assertEquals(TODAY, d.effectiveFrom());
    }

    @Test
    void theRationaleIsRequired() {
        for (String blank : new String[] {null, "", "   "}) {
            DecisionCheck c = check(input("RESTRICTED", blank, "Wong"), at(null));
            assertFalse(c.valid());
            assertNull(c.draft());
            Problem p = only(c);
            assertEquals(DecisionInput.RATIONALE, p.field());
            assertEquals("validation.decision.rationale", p.key());
        }
    }

    @Test
    void aCriterionTickedWithoutANoteIsRefusedUnderItsColumn() {
        DecisionInput blankNote = new DecisionInput("CONFIDENTIAL", "holds addresses",
                Map.of(Criterion.AGGREGATION, "  ", Criterion.HARM_IF_DISCLOSED, "identity theft"), null, "Wong",
                null, null, null, null, null, null, false);
        DecisionCheck c = check(blankNote, at(null));
        Problem p = only(c);
        assertEquals("criterion_aggregation", p.field());
        assertEquals("validation.decision.criterionNote", p.key());

        DecisionInput noted = new DecisionInput("CONFIDENTIAL", "holds addresses",
                Map.of(Criterion.AGGREGATION, " many records together ", Criterion.HARM_IF_DISCLOSED,
                        "identity theft"), null, "Wong", null, null, null, null, null, null, false);
        DecisionCheck ok = check(noted, at(null));
        assertTrue(ok.valid(), ok.problems().toString());
        assertEquals(Map.of(Criterion.AGGREGATION, "many records together", Criterion.HARM_IF_DISCLOSED,
                "identity theft"), ok.draft().criteria());
    }

    @Test
    void aConfirmedDecisionNeedsItsDecider() {
        Problem p = only(check(input("RESTRICTED", "holds names", " "), at(null)));
        assertEquals(DecisionInput.DECIDED_BY, p.field());
    }

    @Test
    void aProposalNeedsItsProposerNotADecider() {
        DecisionInput noProposer = new DecisionInput("RESTRICTED", "holds names", Map.of(), null, null, null, null,
                null, null, null, null, true);
        Problem p = only(check(noProposer, at(null)));
        assertEquals(DecisionInput.PROPOSED_BY, p.field());

        DecisionInput proposal = new DecisionInput("RESTRICTED", "holds names", Map.of(), "Chan", "Wong", null,
                null, null, null, null, null, true);
        DecisionCheck c = check(proposal, at(null));
        assertTrue(c.valid(), c.problems().toString());
        assertEquals(DecisionStatus.PROPOSED, c.draft().status());
        assertEquals("Chan", c.draft().proposedBy());
        assertNull(c.draft().decidedBy(), "a proposal is not decided yet");
    }

    @Test
    void aDecisionCannotTakeEffectAfterToday() {
        Problem p = only(check(with("RESTRICTED", "Wong", null, null, TODAY.plusDays(1).toString(), null),
                at(null)));
        assertEquals(DecisionInput.EFFECTIVE_FROM, p.field());
        assertEquals("validation.decision.future", p.key());

        DecisionCheck today = check(with("RESTRICTED", "Wong", null, null, TODAY.toString(), null), at(null));
        assertTrue(today.valid(), today.problems().toString());
        DecisionCheck backdated = check(with("RESTRICTED", "Wong", null, null, "2025-03-01", null), at(null));
        assertTrue(backdated.valid(), backdated.problems().toString());
        assertEquals(LocalDate.of(2025, 3, 1), backdated.draft().effectiveFrom());
    }

    @Test
    void aDateThatIsNotADateIsRefusedInItsField() {
        Problem p = only(check(with("RESTRICTED", "Wong", null, null, "2026-13-01", null), at(null)));
        assertEquals(DecisionInput.EFFECTIVE_FROM, p.field());
        assertEquals("validation.decision.date", p.key());
    }

    @ParameterizedTest
    @CsvSource({"UNCLASSIFIED, 2029-01-15", "RESTRICTED, 2028-01-15", "CONFIDENTIAL, 2027-01-15",
            "SECRET, 2027-01-15", "TOP SECRET, 2026-07-15"})
    void theReviewDateDefaultsToTheLevelsInterval(String level, String due) {
        DecisionCheck c = check(with(level, "Wong", null, null, "2026-01-15", null), at(null));
        assertTrue(c.valid(), c.problems().toString());
        assertEquals(LocalDate.parse(due), c.draft().reviewDue());
    }

    @Test
    void theHkIntervalsAreThoseOfTheScheme() {
        assertEquals(Period.ofYears(1), level("CONFIDENTIAL").rules().classificationReview());
        assertEquals(Period.ofYears(2), level("RESTRICTED").rules().classificationReview());
        assertEquals(Period.ofYears(3), level("UNCLASSIFIED").rules().classificationReview());
        assertEquals(Period.ofMonths(6), level("TOP SECRET").rules().classificationReview());
    }

    @Test
    void aGivenReviewDateIsKeptAndMustFallAfterTheEffectiveDate() {
        DecisionCheck given = check(with("CONFIDENTIAL", "Wong", null, null, "2026-01-15", "2026-06-30"), at(null));
        assertTrue(given.valid(), given.problems().toString());
        assertEquals(LocalDate.of(2026, 6, 30), given.draft().reviewDue());

        for (String due : new String[] {"2026-01-15", "2026-01-14"}) {
            Problem p = only(check(with("CONFIDENTIAL", "Wong", null, null, "2026-01-15", due), at(null)));
            assertEquals(DecisionInput.REVIEW_DUE, p.field(), due);
            assertEquals("validation.decision.reviewOrder", p.key());
        }
    }

    @Test
    void aDeclassificationDateAndEventTogetherAreRefused() {
        DecisionInput both = new DecisionInput("CONFIDENTIAL", "tender evaluation", Map.of(), null, "Wong", null,
                null, "2026-01-15", null, "2026-12-31", "when the contract is awarded", false);
        Problem p = only(check(both, at(null)));
        assertEquals(DecisionInput.DECLASSIFY_EVENT, p.field());
        assertEquals("validation.decision.declassifyBoth", p.key());

        DecisionInput dateOnly = new DecisionInput("CONFIDENTIAL", "tender evaluation", Map.of(), null, "Wong",
                null, null, "2026-01-15", null, "2026-12-31", null, false);
        DecisionCheck c = check(dateOnly, at(null));
        assertTrue(c.valid(), c.problems().toString());
        assertEquals(LocalDate.of(2026, 12, 31), c.draft().declassifyOn());
        DecisionInput eventOnly = new DecisionInput("CONFIDENTIAL", "tender evaluation", Map.of(), null, "Wong",
                null, null, "2026-01-15", null, null, "when the contract is awarded", false);
        assertEquals("when the contract is awarded", check(eventOnly, at(null)).draft().declassifyEvent());
    }

    @Test
    void aDowngradeFromALevelThatNeedsApprovalNeedsAnApproverAndAJustification() {
        assertTrue(level("CONFIDENTIAL").rules().downgradeNeedsApproval());
        DecisionCheck c = check(with("RESTRICTED", "Wong", null, null, null, null), at("CONFIDENTIAL"));
        assertFalse(c.valid());
        assertEquals(List.of(DecisionInput.APPROVED_BY, DecisionInput.JUSTIFICATION), fields(c));
        assertEquals("validation.decision.approval.downgrade", c.problems().get(0).key());
        assertEquals(List.of("X-1", "CONFIDENTIAL", "RESTRICTED"), c.problems().get(0).args());
        assertTrue(c.problems().get(0).english().contains("from CONFIDENTIAL to RESTRICTED"),
                c.problems().get(0).english());

        assertEquals(List.of(DecisionInput.JUSTIFICATION),
                fields(check(with("RESTRICTED", "Wong", "Lee", " ", null, null), at("CONFIDENTIAL"))));
        assertEquals(List.of(DecisionInput.APPROVED_BY),
                fields(check(with("RESTRICTED", "Wong", null, "tender closed", null, null), at("CONFIDENTIAL"))));

        DecisionCheck approved = check(with("RESTRICTED", "Wong", "Lee", "tender closed", null, null),
                at("CONFIDENTIAL"));
        assertTrue(approved.valid(), approved.problems().toString());
        assertEquals("Lee", approved.draft().approvedBy());
        assertEquals("tender closed", approved.draft().justification());
    }

    @Test
    void theApproverMustNotBeTheDecider() {
        DecisionCheck c = check(with("UNCLASSIFIED", "Wong Tsz-ho", "wong tsz-ho", "published", null, null),
                at("RESTRICTED"));
        Problem p = only(c);
        assertEquals(DecisionInput.APPROVED_BY, p.field());
        assertEquals("validation.decision.selfApproval", p.key());
    }

    @Test
    void raisingOrKeepingALevelNeedsNoApproval() {
        for (String to : new String[] {"RESTRICTED", "SECRET", "TOP SECRET", "TOP_SECRET"}) {
            DecisionCheck c = check(input(to, "now holds health records", "Wong"), at("RESTRICTED"));
            assertTrue(c.valid(), to + ": " + c.problems());
            assertNull(c.draft().approvedBy());
        }
        assertEquals("TOP SECRET", check(input("top_secret", "r", "Wong"), at(null)).draft().level().code());
    }

    @Test
    void aDowngradeFromALevelWhoseRulesNeedNoApprovalIsFree() {
        HandlingRules free = new HandlingRules(false, true, EnumSet.of(ExchangeMechanism.API), Period.ofYears(1),
                null, false);
        ClassificationScheme loose = new ClassificationScheme("loose", "Loose", "寬", List.of(
                new ClassificationLevel("LOW", 0, "LOW", "低", "#000000", "LOW", free),
                new ClassificationLevel("MID", 1, "MID", "中", "#111111", "MID", free)));
        DecisionContext context = new DecisionContext(loose, "X-1", loose.level("MID").orElseThrow(), null,
                List.of(), TODAY);
        DecisionCheck c = check(input("LOW", "no longer sensitive", "Wong"), context);
        assertTrue(c.valid(), c.problems().toString());
        assertEquals(DecisionValidator.ApprovalReason.NONE, DecisionValidator.approvalReason(
                loose.level("MID").orElseThrow(), loose.level("LOW").orElseThrow(), null));
        assertEquals(DecisionValidator.ApprovalReason.DOWNGRADE,
                DecisionValidator.approvalReason(level("CONFIDENTIAL"), level("RESTRICTED"), null));
    }

    @Test
    void aLevelBelowTheHighestSourceNeedsApprovalEvenWithoutACurrentLevel() {
        DecisionContext derived = new DecisionContext(HK, "STATS-1", null, level("CONFIDENTIAL"),
                List.of("REG-1", "REG-2"), TODAY);
        DecisionCheck c = check(input("RESTRICTED", "aggregate statistics", "Wong"), derived);
        assertEquals(List.of(DecisionInput.APPROVED_BY, DecisionInput.JUSTIFICATION), fields(c));
        Problem p = c.problems().get(0);
        assertEquals("validation.decision.approval.belowSource", p.key());
        assertEquals(List.of("STATS-1", "REG-1, REG-2", "CONFIDENTIAL"), p.args());
        assertTrue(p.english().contains("derived from REG-1, REG-2"), p.english());

        assertTrue(check(input("CONFIDENTIAL", "as its source", "Wong"), derived).valid());
        assertTrue(check(input("SECRET", "more than its source", "Wong"), derived).valid());
        DecisionCheck approved = check(with("RESTRICTED", "Wong", "Lee", "disclosure control applied", null, null),
                derived);
        assertTrue(approved.valid(), approved.problems().toString());
        assertEquals(DecisionValidator.ApprovalReason.BELOW_SOURCE,
                DecisionValidator.approvalReason(null, level("RESTRICTED"), level("CONFIDENTIAL")));
    }

    @Test
    void anUnknownLevelNamesTheSchemesLevels() {
        Problem p = only(check(input("HUSH-HUSH", "r", "Wong"), at(null)));
        assertEquals(DecisionInput.LEVEL, p.field());
        assertEquals("validation.decision.levelUnknown", p.key());
        assertTrue(p.english().contains("UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET, TOP SECRET"), p.english());
        assertTrue(p.english().contains("'HUSH-HUSH'"), p.english());
        assertEquals(List.of("HUSH-HUSH", "UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET, TOP SECRET"), p.args());

        Problem missing = only(check(input(" ", "r", "Wong"), at(null)));
        assertEquals("validation.decision.levelMissing", missing.key());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        DecisionInput bad = new DecisionInput("RESTRICTED", "", Map.of(Criterion.OTHER, ""), null, null, null, null,
                "2099-01-01", null, null, null, false);
        DecisionCheck c = check(bad, at("SECRET"));
        List<String> f = fields(c);
        for (String field : List.of(DecisionInput.RATIONALE, "criterion_other", DecisionInput.DECIDED_BY,
                DecisionInput.EFFECTIVE_FROM, DecisionInput.APPROVED_BY, DecisionInput.JUSTIFICATION)) {
            assertTrue(f.contains(field), field + " in " + f);
        }
    }

    @Test
    void aLevelWhoseCodeHasAnUnderscoreCanBeChosen() {
        // SchemeFile accepts level codes of letters, digits, spaces, hyphens and underscores.
        String yaml = """
                scheme: underscores
                name: {en: Underscores, zh: 底線}
                levels:
                  - code: PUBLIC
                    label: {en: PUBLIC, zh: 公開}
                    colour: "#000000"
                    marking: PUBLIC
                    handling: {encryption_at_rest: false, open_data: true, mechanisms: [api],
                               classification_review: P1Y, access_review: none, downgrade_approval: false}
                  - code: STAFF_ONLY
                    label: {en: STAFF ONLY, zh: 職員}
                    colour: "#111111"
                    marking: STAFF ONLY
                    handling: {encryption_at_rest: true, open_data: false, mechanisms: [api],
                               classification_review: P1Y, access_review: P1Y, downgrade_approval: true}
                """;
        SchemeFile.Result file = SchemeFile.read("underscores.yaml",
                new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(file.valid(), file.problems().toString());
        ClassificationScheme scheme = file.scheme();
        assertEquals("STAFF_ONLY", scheme.levels().get(1).code());
        DecisionContext context = new DecisionContext(scheme, "X-1", null, null, List.of(), TODAY);
        DecisionCheck c = check(input("STAFF_ONLY", "internal rota", "Wong"), context);
        assertTrue(c.valid(), c.problems().toString());
        assertEquals("STAFF_ONLY", c.draft().level().code());
    }
}
