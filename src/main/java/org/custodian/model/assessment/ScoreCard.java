package org.custodian.model.assessment;

import java.util.List;

/**
 * The workbench's own estimate for an assessment: per section, per principle and overall, from showing answered
 * questions only. {@code riskPercent} is the overall percentage, or its complement under compliance scoring; a
 * knock-out answer forces the highest level. {@code hiddenAnswers} are kept answers that did not count.
 */
public record ScoreCard(ScoringMethod method, List<Tally> sections, List<Tally> principles, Tally overall,
        int riskPercent, RiskLevel level, List<String> knockOuts, List<QuestionScore> lines, int hiddenAnswers,
        List<String> requiredMissing, boolean needsThirdLine) {

    public ScoreCard {
        sections = List.copyOf(sections);
        principles = List.copyOf(principles);
        knockOuts = List.copyOf(knockOuts);
        lines = List.copyOf(lines);
        requiredMissing = List.copyOf(requiredMissing);
    }

    /** Whether any scored question has been answered yet; before that there is no level to show. */
    public boolean hasResult() {
        return overall.max() > 0 || !knockOuts.isEmpty();
    }
}
