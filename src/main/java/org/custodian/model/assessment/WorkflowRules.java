package org.custodian.model.assessment;

import java.util.ArrayList;
import java.util.List;
import org.custodian.model.validation.Problem;

/**
 * Who may move an assessment where. The assessor submits, and only a complete assessment; a reviewer (second or
 * third line) decides, and never the person who submitted it; a result at or above the template's third-line level
 * is approved only by the third line. Sending back, conditions and rejection say why.
 */
public final class WorkflowRules {

    private WorkflowRules() {
    }

    public static List<Problem> check(AssessmentRecord record, ScoreCard score, AssessmentStatus to, ReviewRole role,
            String actor, String comment) {
        List<Problem> problems = new ArrayList<>();
        AssessmentStatus from = record.assessment().status();
        if (!from.canBecome(to)) {
            problems.add(Problem.of("status", "validation.workflow.step", "an assessment that is " + from.code()
                    + " cannot become " + to.code(), from.labelKey(), to.labelKey()));
            return problems;
        }
        if (role == null) {
            problems.add(Problem.of("role", "validation.workflow.role", "say in what role you act"));
            return problems;
        }
        boolean blankComment = comment == null || comment.isBlank();
        if (to == AssessmentStatus.SUBMITTED) {
            if (role != ReviewRole.ASSESSOR) {
                problems.add(Problem.of("role", "validation.workflow.submitRole",
                        "only the assessor (first line) submits an assessment"));
            }
            if (!score.requiredMissing().isEmpty()) {
                problems.add(Problem.of("answers", "validation.workflow.required", score.requiredMissing().size()
                        + " required question(s) have no answer: " + String.join(", ", score.requiredMissing()),
                        score.requiredMissing().size(), String.join(", ", score.requiredMissing())));
            }
            return problems;
        }
        if (!role.reviews()) {
            problems.add(Problem.of("role", "validation.workflow.reviewRole",
                    "only a reviewer (second line) or the third line decides on an assessment"));
        }
        String submitter = lastSubmitter(record);
        if (submitter != null && submitter.equalsIgnoreCase(actor)) {
            problems.add(Problem.of("actor", "validation.workflow.ownSubmission", actor
                    + " submitted this assessment and cannot also decide on it", actor));
        }
        if (to.approved() && score.needsThirdLine() && role != ReviewRole.THIRD_LINE) {
            problems.add(Problem.of("role", "validation.workflow.thirdLine", "the result is "
                    + score.level().title().en() + ": only the third line (IT board or CIO) may approve it",
                    score.level().title().en()));
        }
        if (blankComment && (to == AssessmentStatus.CHANGES_REQUESTED || to == AssessmentStatus.APPROVED_WITH_CONDITIONS
                || to == AssessmentStatus.REJECTED)) {
            problems.add(Problem.of("comment", "validation.workflow.comment",
                    "say why: the comment goes into the record", to.labelKey()));
        }
        return problems;
    }

    /** Who submitted the assessment most recently, or null. */
    public static String lastSubmitter(AssessmentRecord record) {
        String who = null;
        for (WorkflowStep s : record.steps()) {
            if (s.to() == AssessmentStatus.SUBMITTED) {
                who = s.actor();
            }
        }
        return who;
    }

    /** Whether a decision by the third line is on record (for high-risk results). */
    public static boolean thirdLineSigned(AssessmentRecord record) {
        return record.steps().stream().anyMatch(s -> s.role() == ReviewRole.THIRD_LINE && s.to().approved());
    }
}
