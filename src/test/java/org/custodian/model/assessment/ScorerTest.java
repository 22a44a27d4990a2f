package org.custodian.model.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.logic.assessment.TemplateFile;
import org.junit.jupiter.api.Test;

/**
 * The score card, worked by hand over small templates read with the real template reader. Each expected number is
 * worked out in the comment above it.
 */
class ScorerTest {

    /**
     * Five questions in two sections:
     * <pre>
     * s1 (principle care)
     *   q1 yes-no    yes 3, partial 1, no 0   weight 2  required           max 3 × 2 = 6
     *   q2 single    a 0, b 2, c 4            weight 1  required  if q1=yes max 4
     *   q3 multiple  x 1, y 2, z 3            weight 1                      max 1+2+3 = 6
     * s2
     *   q4 rating    value less one           weight 1                      max 4
     *   q5 text      (not scored)                       required
     * levels: low from 0, medium from 25, high from 50
     * </pre>
     */
    static final String TEMPLATE = """
            template: scorer-test
            version: "1.0"
            title: {en: Scorer test, zh: 評分測試}
            description: {en: For the scorer tests, zh: 評分測試用}
            source: tests
            scoring:
              method: %s
            %s  levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: medium, title: {en: Medium, zh: 中}, from: 25}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            principles:
              - {id: care, title: {en: Care, zh: 關顧}}
            sections:
              - id: s1
                title: {en: One, zh: 一}
                principle: care
                questions:
                  - id: q1
                    type: yes-no
                    text: {en: Q1, zh: 問一}
                    help: {en: H1, zh: 助一}
                    points: {yes: 3, partial: 1, no: 0}
                    weight: 2
                    required: true
                  - id: q2
                    type: single
                    text: {en: Q2, zh: 問二}
                    help: {en: H2, zh: 助二}
                    options:
                      - {value: a, label: {en: A, zh: 甲}, points: 0}
                      - {value: b, label: {en: B, zh: 乙}, points: 2}
                      - {value: c, label: {en: C, zh: 丙}, points: 4}
                    required: true
                    show_if: {equals: {question: q1, value: yes}}
                  - id: q3
                    type: multiple
                    text: {en: Q3, zh: 問三}
                    help: {en: H3, zh: 助三}
                    options:
                      - {value: x, label: {en: X, zh: 子}, points: 1}
                      - {value: y, label: {en: Y, zh: 丑}, points: 2}
                      - {value: z, label: {en: Z, zh: 寅}, points: 3}
              - id: s2
                title: {en: Two, zh: 二}
                questions:
                  - id: q4
                    type: rating
                    text: {en: Q4, zh: 問四}
                    help: {en: H4, zh: 助四}
                  - id: q5
                    type: text
                    text: {en: Q5, zh: 問五}
                    help: {en: H5, zh: 助五}
                    required: true
            """;

    /** Three yes-no questions in a chain: c2 shows when c1 is yes, c3 when c2 is answered, c4 when c2 is in [yes]. */
    static final String CHAIN = """
            template: chain-test
            version: "1"
            title: {en: Chain, zh: 鏈}
            description: {en: Chain, zh: 鏈}
            source: tests
            scoring:
              method: risk
              levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            sections:
              - id: only
                title: {en: Only, zh: 唯一}
                questions:
                  - {id: c1, type: yes-no, text: {en: C1, zh: 一}, help: {en: H, zh: 助}, points: {yes: 1, no: 0}}
                  - {id: c2, type: yes-no, text: {en: C2, zh: 二}, help: {en: H, zh: 助}, points: {yes: 1, no: 0},
                     show_if: {equals: {question: c1, value: yes}}}
                  - {id: c3, type: yes-no, text: {en: C3, zh: 三}, help: {en: H, zh: 助}, points: {yes: 1, no: 0},
                     show_if: {answered: c2}}
                  - {id: c4, type: yes-no, text: {en: C4, zh: 四}, help: {en: H, zh: 助}, points: {yes: 1, no: 0},
                     show_if: {in: {question: c2, values: [yes]}}}
            """;

    /** k1 knocks out on yes (and scores 0 for it), k2 scores, k3 knocks out too but shows only when k2 is yes. */
    static final String KNOCK_OUT = """
            template: knock-test
            version: "1"
            title: {en: Knock, zh: 否決}
            description: {en: Knock, zh: 否決}
            source: tests
            scoring:
              method: risk
            %s  levels:
                - {id: low, title: {en: Low, zh: 低}, from: 0}
                - {id: medium, title: {en: Medium, zh: 中}, from: 25}
                - {id: high, title: {en: High, zh: 高}, from: 50}
            sections:
              - id: only
                title: {en: Only, zh: 唯一}
                questions:
                  - {id: k1, type: yes-no, text: {en: K1, zh: 一}, help: {en: H, zh: 助}, points: {yes: 0, no: 1},
                     knock_out: [yes]}
                  - {id: k2, type: yes-no, text: {en: K2, zh: 二}, help: {en: H, zh: 助}, points: {yes: 1, no: 0}}
                  - {id: k3, type: yes-no, text: {en: K3, zh: 三}, help: {en: H, zh: 助}, points: {yes: 0, no: 1},
                     knock_out: [yes], show_if: {equals: {question: k2, value: yes}}}
            """;

    static AssessmentTemplate read(String yaml) {
        TemplateFile.Result r = TemplateFile.read("scorer.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.valid(), () -> "the test template does not read: " + r.problems());
        return r.template();
    }

    static AssessmentTemplate risk() {
        return read(TEMPLATE.formatted("risk", "  third_line_from: high\n"));
    }

    static AssessmentTemplate compliance() {
        return read(TEMPLATE.formatted("compliance", ""));
    }

    static AssessmentTemplate knockOut(String thirdLine) {
        return read(KNOCK_OUT.formatted(thirdLine == null ? "" : "  third_line_from: " + thirdLine + "\n"));
    }

    /** Answers from question, value pairs; a multiple choice's values are joined one per line. */
    static Map<String, Answer> answers(String... pairs) {
        Map<String, Answer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new Answer(pairs[i], pairs[i + 1], "", true, "", null, null));
        }
        return m;
    }

    static String multiple(String... values) {
        return Answer.join(List.of(values));
    }

    static QuestionScore line(ScoreCard card, String questionId) {
        return card.lines().stream().filter(l -> l.questionId().equals(questionId)).findFirst().orElseThrow();
    }

    static Tally section(ScoreCard card, String id) {
        return card.sections().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    // ---- the worked example --------------------------------------------------------------------------------

    @Test
    void aWorkedExampleGivesTheHandComputedSectionPrincipleAndOverallScores() {
        // q1 yes     3 × 2 = 6 of 6
        // q2 a       0     of 4
        // q3 x       1     of 6
        // q4 2       2 - 1 = 1 of 4
        // q5         not answered, not scored
        // s1: 6 + 0 + 1 = 7 of 16 → 43.75 → 44 %; s2: 1 of 4 → 25 %; principle care = s1
        // overall: 8 of 20 → 40 % → medium (from 25, below high's 50)
        ScoreCard card = Scorer.score(risk(), answers("q1", "yes", "q2", "a", "q3", "x", "q4", "2"));
        assertEquals(new Tally("overall", risk().title(), 8, 20, 4, 5), card.overall(),
                "8 of 20 points; 4 of the 5 showing questions answered");
        assertEquals(40, card.overall().percent());
        assertEquals(40, card.riskPercent());
        assertEquals("medium", card.level().id());
        assertEquals(7, section(card, "s1").points());
        assertEquals(16, section(card, "s1").max());
        assertEquals(44, section(card, "s1").percent());
        assertEquals(1, section(card, "s2").points());
        assertEquals(4, section(card, "s2").max());
        assertEquals(25, section(card, "s2").percent());
        assertEquals(1, card.principles().size());
        assertEquals(7, card.principles().get(0).points());
        assertEquals(16, card.principles().get(0).max());
        assertEquals(List.of("q5"), card.requiredMissing());
        assertEquals(List.of(), card.knockOuts());
        assertEquals(0, card.hiddenAnswers());
        assertFalse(card.needsThirdLine(), "medium is below the third line's high");
        assertEquals(new QuestionScore("q1", "1.1", "s1", "care", true, true, true, 3, 3, 2, false), line(card, "q1"));
        assertEquals(new QuestionScore("q4", "2.1", "s2", null, true, true, true, 1, 4, 1, false), line(card, "q4"));
        assertTrue(card.hasResult());
    }

    @Test
    void theLevelIsTheHighestWhoseFromTheRiskReaches() {
        // q1 partial 1 × 2 = 2 of 6 → 33 % → medium; q1 yes and q3 x,y,z: 6 + 6 = 12 of 12 → 100 % → high;
        // q1 no: 0 of 6 → low; q3 y alone: 2 of 6 → 33 %; q1 no and q4 3: 2 of 10 → 20 % → low.
        assertEquals("medium", Scorer.score(risk(), answers("q1", "partial")).level().id());
        ScoreCard all = Scorer.score(risk(), answers("q1", "yes", "q3", multiple("x", "y", "z")));
        assertEquals(100, all.riskPercent());
        assertEquals("high", all.level().id());
        assertTrue(all.needsThirdLine(), "high is the third line's level");
        assertEquals("low", Scorer.score(risk(), answers("q1", "no")).level().id());
        ScoreCard twenty = Scorer.score(risk(), answers("q1", "no", "q4", "3"));
        assertEquals(20, twenty.riskPercent());
        assertEquals("low", twenty.level().id());
    }

    @Test
    void nothingScoredAnsweredHasNoResult() {
        ScoreCard card = Scorer.score(risk(), answers("q5", "only text"));
        assertFalse(card.hasResult());
        assertEquals(0, card.overall().max());
        assertEquals(-1, card.overall().percent());
        assertEquals(0, card.riskPercent());
    }

    // ---- hidden answers ----------------------------------------------------------------------------------------

    @Test
    void aHiddenQuestionsAnswerNeverCounts() {
        // q1 yes (6 of 6) and its follow-up q2 c (4 of 4): 10 of 10 → 100 %.
        ScoreCard shown = Scorer.score(risk(), answers("q1", "yes", "q2", "c"));
        assertEquals(10, shown.overall().points());
        assertEquals(10, shown.overall().max());
        assertEquals(0, shown.hiddenAnswers());
        // q1 becomes no: q2 hides with its answer kept; only q1 counts, 0 of 6 → 0 %.
        ScoreCard hidden = Scorer.score(risk(), answers("q1", "no", "q2", "c"));
        assertEquals(0, hidden.overall().points());
        assertEquals(6, hidden.overall().max());
        assertEquals(1, hidden.hiddenAnswers());
        assertEquals("low", hidden.level().id());
        QuestionScore q2 = line(hidden, "q2");
        assertFalse(q2.showing());
        assertTrue(q2.answered(), "the answer is kept");
        assertFalse(q2.counted());
        assertEquals(0, q2.points());
        assertEquals(1, hidden.overall().answered(), "answered showing questions: q1 only");
        assertEquals(4, hidden.overall().showing(), "q2 no longer shows");
    }

    @Test
    void aConditionNeverReadsAHiddenAnswer() {
        AssessmentTemplate chain = read(CHAIN);
        // All yes: every question shows; 4 of 4.
        Map<String, Answer> allYes = answers("c1", "yes", "c2", "yes", "c3", "yes", "c4", "yes");
        ScoreCard open = Scorer.score(chain, allYes);
        assertEquals(4, open.overall().points());
        assertTrue(Visibility.of(chain, allYes).shows("c4"));
        // c1 no: c2 hides; c3 (c2 answered) and c4 (c2 in [yes]) must not see c2's kept yes, so they hide too.
        Map<String, Answer> parentNo = answers("c1", "no", "c2", "yes", "c3", "yes", "c4", "yes");
        Visibility v = Visibility.of(chain, parentNo);
        assertTrue(v.shows("c1"));
        assertFalse(v.shows("c2"));
        assertFalse(v.shows("c3"), "{answered: c2} read the hidden answer");
        assertFalse(v.shows("c4"), "{in: c2 [yes]} read the hidden answer");
        assertEquals(1, v.count());
        ScoreCard closed = Scorer.score(chain, parentNo);
        assertEquals(3, closed.hiddenAnswers());
        assertEquals(0, closed.overall().points());
        assertEquals(1, closed.overall().max());
    }

    // ---- answers that score in their own way ---------------------------------------------------------------

    @Test
    void notApplicableDoesNotCount() {
        // q1 na counts neither for nor against: only q3 z (3 of 6) counts → 50 %.
        ScoreCard card = Scorer.score(risk(), answers("q1", "na", "q3", "z"));
        QuestionScore q1 = line(card, "q1");
        assertTrue(q1.answered());
        assertFalse(q1.counted());
        assertEquals(3, card.overall().points());
        assertEquals(6, card.overall().max());
        assertEquals(50, card.riskPercent());
        assertFalse(Scorer.score(risk(), answers("q1", "na")).hasResult(), "na alone gives no result");
        assertEquals(List.of("q5"), card.requiredMissing(), "na is an answer: q1 is not missing");
    }

    @Test
    void aMultipleChoiceSumsItsOptions() {
        // x 1 + z 3 = 4 of 6; all three 6 of 6; one 2 of 6.
        assertEquals(4, line(Scorer.score(risk(), answers("q3", multiple("x", "z"))), "q3").points());
        ScoreCard all = Scorer.score(risk(), answers("q3", multiple("x", "y", "z")));
        assertEquals(6, line(all, "q3").points());
        assertEquals(6, line(all, "q3").max());
        assertEquals(100, all.riskPercent());
        assertEquals(2, line(Scorer.score(risk(), answers("q3", multiple("y"))), "q3").points());
    }

    @Test
    void aRatingScoresItsValueLessOneOutOfFour() {
        for (int value = 1; value <= 5; value++) {
            ScoreCard card = Scorer.score(risk(), answers("q4", String.valueOf(value)));
            assertEquals(value - 1, line(card, "q4").points(), "rating " + value);
            assertEquals(4, card.overall().max());
            assertEquals(Math.round(100.0 * (value - 1) / 4), card.riskPercent(), "rating " + value);
        }
    }

    @Test
    void complianceScoringInvertsThePercentage() {
        // Under compliance the points measure how well it is met: q1 yes 6 of 6 → 100 % met → risk 0 → low.
        ScoreCard met = Scorer.score(compliance(), answers("q1", "yes"));
        assertEquals(ScoringMethod.COMPLIANCE, met.method());
        assertEquals(100, met.overall().percent());
        assertEquals(0, met.riskPercent());
        assertEquals("low", met.level().id());
        // q1 no: 0 of 6 → 0 % met → risk 100 → high.
        ScoreCard unmet = Scorer.score(compliance(), answers("q1", "no"));
        assertEquals(100, unmet.riskPercent());
        assertEquals("high", unmet.level().id());
        // q1 partial: 2 of 6 → 33 % met → risk 67 → high; with q3 x,y,z: 8 of 12 → 67 % met → risk 33 → medium.
        assertEquals(67, Scorer.score(compliance(), answers("q1", "partial")).riskPercent());
        ScoreCard mixed = Scorer.score(compliance(), answers("q1", "partial", "q3", multiple("x", "y", "z")));
        assertEquals(33, mixed.riskPercent());
        assertEquals("medium", mixed.level().id());
        // The same answers under risk scoring: 67 % → high.
        assertEquals(67, Scorer.score(risk(), answers("q1", "partial", "q3", multiple("x", "y", "z"))).riskPercent());
    }

    // ---- knock-outs and the third line ---------------------------------------------------------------------

    @Test
    void aKnockOutForcesTheHighestLevelAndTheThirdLineFromThatLevel() {
        // k1 yes scores 0 and k2 no scores 0: 0 of 2 → 0 %, which would be low; the knock-out makes it high.
        Map<String, Answer> a = answers("k1", "yes", "k2", "no");
        ScoreCard card = Scorer.score(knockOut("high"), a);
        assertEquals(0, card.riskPercent());
        assertEquals("high", card.level().id());
        assertEquals(List.of("k1"), card.knockOuts());
        assertTrue(line(card, "k1").knockOut());
        assertTrue(card.needsThirdLine());
        assertTrue(Scorer.score(knockOut("medium"), a).needsThirdLine(), "third line from medium covers high");
        ScoreCard noThirdLine = Scorer.score(knockOut(null), a);
        assertEquals("high", noThirdLine.level().id());
        assertFalse(noThirdLine.needsThirdLine(), "without third_line_from no level needs the third line");
        // k1 no, k2 no: 1 of 2 → 50 % → high by points, with no knock-out.
        ScoreCard byPoints = Scorer.score(knockOut("high"), answers("k1", "no", "k2", "no"));
        assertEquals(50, byPoints.riskPercent());
        assertEquals(List.of(), byPoints.knockOuts());
        // k1 unanswered and k2 no: 0 of 1 → low.
        assertEquals("low", Scorer.score(knockOut("high"), answers("k2", "no")).level().id());
    }

    @Test
    void aHiddenKnockOutAnswerDoesNotKnockOut() {
        // k3 yes would knock out, but k3 shows only when k2 is yes.
        // k2 no (0 of 1) → 0 % → low; k3's yes is hidden and kept.
        ScoreCard card = Scorer.score(knockOut("high"), answers("k2", "no", "k3", "yes"));
        assertEquals(List.of(), card.knockOuts());
        assertEquals(1, card.hiddenAnswers());
        assertEquals("low", card.level().id());
        assertFalse(card.needsThirdLine());
        ScoreCard shown = Scorer.score(knockOut("high"), answers("k2", "yes", "k3", "yes"));
        assertEquals(List.of("k3"), shown.knockOuts());
        assertEquals("high", shown.level().id());
    }

    // ---- required questions --------------------------------------------------------------------------------

    @Test
    void requiredMissingListsOnlyUnansweredRequiredQuestionsThatShow() {
        // Nothing answered: q1 and q5 are required and show; q2 is required but hidden while q1 has no answer;
        // q3 and q4 are not required.
        assertEquals(List.of("q1", "q5"), Scorer.score(risk(), Map.of()).requiredMissing());
        assertEquals(List.of("q2", "q5"), Scorer.score(risk(), answers("q1", "yes")).requiredMissing());
        assertEquals(List.of("q5"), Scorer.score(risk(), answers("q1", "no")).requiredMissing());
        assertEquals(List.of(), Scorer.score(risk(), answers("q1", "yes", "q2", "a", "q5", "done"))
                .requiredMissing());
        assertEquals(List.of("q5"), Scorer.score(risk(), answers("q1", "yes", "q2", "a", "q5", "   "))
                .requiredMissing(), "a blank answer is no answer");
    }
}
