package org.custodian.model.classification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.validation.FieldText;
import org.custodian.model.validation.Problem;

/**
 * The one set of rules for a classification decision, used by the reclassify dialog, {@code classify}, the
 * decisions import and the inventory import: a level of the scheme, a rationale, a note for every criterion
 * ticked, who decided (or, for a proposal, who proposed), dates in order, and an approver with a justification
 * for a downgrade from a level that needs one or for a level below a source the dataset is derived from.
 */
public final class DecisionValidator {

    private static final int MAX_SHORT = 500;
    private static final int MAX_LONG = 20_000;

    /** Checks {@code input} against {@code context}; the review date defaults from the level's interval. */
    public DecisionCheck check(DecisionInput input, DecisionContext context) {
        List<Problem> tooLong = tooLong(input);
        if (!tooLong.isEmpty()) {
            // A field over its limit is all that is said: the other rules would only quote the oversized text back.
            return new DecisionCheck(null, tooLong);
        }
        List<Problem> problems = new ArrayList<>();
        ClassificationScheme scheme = context.scheme();
        ClassificationLevel level = null;
        String levelText = text(input.level());
        if (levelText == null) {
            problems.add(Problem.of(DecisionInput.LEVEL, "validation.decision.levelMissing", "choose a level"));
        } else {
            level = scheme.level(levelText).orElse(null);
            if (level == null) {
                problems.add(Problem.of(DecisionInput.LEVEL, "validation.decision.levelUnknown",
                        "'" + levelText + "' is not a level of the " + scheme.nameEn() + " scheme (expected one of "
                                + scheme.codes() + ")", levelText, scheme.codes()));
            }
        }
        String rationale = text(input.rationale());
        if (rationale == null) {
            problems.add(Problem.of(DecisionInput.RATIONALE, "validation.decision.rationale",
                    "give the rationale for this level"));
        }
        Map<Criterion, String> criteria = new EnumMap<>(Criterion.class);
        input.criteria().forEach((criterion, note) -> {
            if (text(note) == null) {
                problems.add(Problem.of(criterion.header(), "validation.decision.criterionNote",
                        "say how this criterion applied, or untick it"));
            } else {
                criteria.put(criterion, note.strip());
            }
        });
        String proposedBy = text(input.proposedBy());
        String decidedBy = text(input.decidedBy());
        if (input.proposal()) {
            if (proposedBy == null) {
                problems.add(Problem.of(DecisionInput.PROPOSED_BY, "validation.decision.proposer",
                        "a proposal needs the name of who proposes it"));
            }
            decidedBy = null;
        } else if (decidedBy == null) {
            problems.add(Problem.of(DecisionInput.DECIDED_BY, "validation.decision.decider",
                    "name who made the decision"));
        }

        LocalDate effective = date(input.effectiveFrom(), DecisionInput.EFFECTIVE_FROM, problems);
        if (effective == null && text(input.effectiveFrom()) == null) {
            effective = context.today();
        }
        if (effective != null && effective.isAfter(context.today())) {
            problems.add(Problem.of(DecisionInput.EFFECTIVE_FROM, "validation.decision.future",
                    "a decision cannot take effect after today (" + context.today() + "); record it on the day",
                    context.today().toString()));
        }
        LocalDate reviewDue = date(input.reviewDue(), DecisionInput.REVIEW_DUE, problems);
        if (reviewDue == null && text(input.reviewDue()) == null && level != null && effective != null
                && level.rules().classificationReview() != null) {
            reviewDue = effective.plus(level.rules().classificationReview());
        }
        if (reviewDue != null && effective != null && !reviewDue.isAfter(effective)) {
            problems.add(Problem.of(DecisionInput.REVIEW_DUE, "validation.decision.reviewOrder",
                    "the review must fall after the date the decision takes effect (" + effective + ")",
                    effective.toString()));
        }
        LocalDate declassifyOn = date(input.declassifyOn(), DecisionInput.DECLASSIFY_ON, problems);
        String declassifyEvent = text(input.declassifyEvent());
        if (declassifyOn != null && declassifyEvent != null) {
            problems.add(Problem.of(DecisionInput.DECLASSIFY_EVENT, "validation.decision.declassifyBoth",
                    "give a declassification date or an event, not both"));
        }
        if (declassifyOn != null && effective != null && !declassifyOn.isAfter(effective)) {
            problems.add(Problem.of(DecisionInput.DECLASSIFY_ON, "validation.decision.declassifyOrder",
                    "declassification must fall after the date the decision takes effect (" + effective + ")",
                    effective.toString()));
        }

        String approvedBy = text(input.approvedBy());
        String justification = text(input.justification());
        if (level != null) {
            ClassificationLevel current = context.current();
            ClassificationLevel source = context.highestSource();
            String why = null;
            String reason = null;
            List<Object> args = List.of();
            switch (approvalReason(current, level, source)) {
                case DOWNGRADE -> {
                    why = "lowering " + context.datasetCode() + " from " + current.code() + " to " + level.code();
                    reason = "downgrade";
                    args = List.of(context.datasetCode(), current.code(), level.code());
                }
                case BELOW_SOURCE -> {
                    String sources = String.join(", ", context.sourceCodes());
                    why = context.datasetCode() + " is derived from " + sources + " (up to " + source.code()
                            + "); a level below its sources";
                    reason = "belowSource";
                    args = List.of(context.datasetCode(), sources, source.code());
                }
                case NONE -> { }
            }
            if (why != null) {
                if (approvedBy == null) {
                    problems.add(new Problem(DecisionInput.APPROVED_BY, "validation.decision.approval." + reason,
                            args, why + " needs an approver"));
                } else if (decidedBy != null && approvedBy.equalsIgnoreCase(decidedBy)) {
                    problems.add(Problem.of(DecisionInput.APPROVED_BY, "validation.decision.selfApproval",
                            "the approver must be someone other than the decider"));
                }
                if (justification == null) {
                    problems.add(new Problem(DecisionInput.JUSTIFICATION, "validation.decision.justification."
                            + reason, args, why + " needs a justification"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new DecisionCheck(null, problems);
        }
        return new DecisionCheck(new DecisionDraft(level, input.proposal() ? DecisionStatus.PROPOSED
                : DecisionStatus.CONFIRMED, rationale, criteria, proposedBy, decidedBy, approvedBy, justification,
                effective, reviewDue, declassifyOn, declassifyEvent), List.of());
    }

    /** The fields longer than they may be: names, a level and dates are short; what says why may be long. */
    private static List<Problem> tooLong(DecisionInput input) {
        List<Problem> problems = new ArrayList<>();
        FieldText.tooLong(DecisionInput.LEVEL, input.level(), MAX_SHORT).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.RATIONALE, input.rationale(), MAX_LONG).ifPresent(problems::add);
        input.criteria().forEach((criterion, note) -> FieldText.tooLong(criterion.header(), note, MAX_LONG)
                .ifPresent(problems::add));
        FieldText.tooLong(DecisionInput.PROPOSED_BY, input.proposedBy(), MAX_SHORT).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.DECIDED_BY, input.decidedBy(), MAX_SHORT).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.APPROVED_BY, input.approvedBy(), MAX_SHORT).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.JUSTIFICATION, input.justification(), MAX_LONG).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.EFFECTIVE_FROM, input.effectiveFrom(), MAX_SHORT).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.REVIEW_DUE, input.reviewDue(), MAX_SHORT).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.DECLASSIFY_ON, input.declassifyOn(), MAX_SHORT).ifPresent(problems::add);
        FieldText.tooLong(DecisionInput.DECLASSIFY_EVENT, input.declassifyEvent(), MAX_LONG).ifPresent(problems::add);
        return problems;
    }

    /** Why a decision needs an approver and a justification, if it does. */
    public enum ApprovalReason { NONE, DOWNGRADE, BELOW_SOURCE }

    /**
     * Whether moving from {@code current} to {@code proposed} needs approval: a downgrade from a level whose rules
     * ask for it, or a level below the highest source the dataset is derived from.
     */
    public static ApprovalReason approvalReason(ClassificationLevel current, ClassificationLevel proposed,
                                                ClassificationLevel highestSource) {
        if (proposed == null) {
            return ApprovalReason.NONE;
        }
        if (current != null && proposed.rank() < current.rank() && current.rules().downgradeNeedsApproval()) {
            return ApprovalReason.DOWNGRADE;
        }
        if (highestSource != null && proposed.rank() < highestSource.rank()) {
            return ApprovalReason.BELOW_SOURCE;
        }
        return ApprovalReason.NONE;
    }

    static LocalDate date(String text, String field, List<Problem> problems) {
        String t = text(text);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "validation.decision.date",
                    "'" + t + "' is not a date (write it as YYYY-MM-DD)", t));
            return null;
        }
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
