package org.custodian.logic.assessment;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.sharing.SharingFiles;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.workbench.Access;

/**
 * Shared helpers for the assessment tests: workbenches holding the sample inventory and agreements, assessments
 * started from a template, and the required questions answered the way an assessor with nothing to worry about would.
 */
public final class AssessmentFiles {

    /** A sample dataset that holds personal data (the vehicle licensing register). */
    public static final String PERSONAL = "TD-VL-0001";
    /** A sample dataset without personal data (journey time indicators). */
    public static final String NOT_PERSONAL = "TD-JTI-0001";

    private AssessmentFiles() {
    }

    /** The file of a new workbench with the sample inventory and agreements, closed. */
    public static Path sampleFile(Path file) {
        return SharingFiles.agreementsFile(file);
    }

    public static WorkbenchSession open(Path file, String actor) {
        return open(file, actor, null);
    }

    public static WorkbenchSession open(Path file, String actor, Path templates) {
        return WorkbenchSession.open(file, Access.READ_WRITE, actor, false, templates);
    }

    public static AssessmentSubject subject(String... datasetCodes) {
        return new AssessmentSubject("Vehicle licensing online renewals", SubjectKind.PROJECT, "hk-td",
                "Renewals of vehicle licences on the web.", List.of(datasetCodes));
    }

    /** Starts an assessment from the installed template with this id (its newest version). */
    public static Assessment create(WorkbenchSession s, String templateId, String... datasetCodes) {
        TemplateCatalog.Entry entry = s.assessments().catalog().latest(templateId).orElseThrow();
        return done(s.assessments().create(entry, "Assessment of " + templateId, subject(datasetCodes)));
    }

    public static <T> T done(Outcome<T> outcome) {
        if (!outcome.isDone()) {
            throw new AssertionError("refused: " + outcome.describe());
        }
        return outcome.record();
    }

    public static AssessmentRecord load(WorkbenchSession s, UUID key) {
        return s.assessments().load(key).orElseThrow();
    }

    /**
     * Answers every required question that shows and has no answer, as often as new ones appear, with the answer
     * of least concern: no knock-out, no risk raised, the fewest points.
     */
    public static AssessmentRecord fillRequired(WorkbenchSession s, UUID key) {
        Assessments a = s.assessments();
        for (int round = 0; round < 20; round++) {
            AssessmentRecord r = load(s, key);
            AssessmentTemplate t = a.templateOf(r.assessment());
            ScoreCard card = a.score(r);
            if (card.requiredMissing().isEmpty()) {
                return r;
            }
            for (String id : card.requiredMissing()) {
                done(a.answer(key, id, calmAnswer(t.question(id))));
            }
        }
        throw new AssertionError("required questions keep appearing");
    }

    /** A valid answer of least concern to {@code q}. */
    public static String calmAnswer(Question q) {
        return switch (q.type()) {
            case YES_NO, SINGLE, RATING -> q.values().stream().filter(v -> !"na".equals(v))
                    .min(Comparator.comparingInt((String v) -> concern(q, v))
                            .thenComparingInt(v -> q.points().getOrDefault(v, 0))).orElseThrow();
            case MULTIPLE -> q.values().stream().min(Comparator.comparingInt((String v) -> concern(q, v))
                    .thenComparingInt(v -> q.points().getOrDefault(v, 0))).orElseThrow();
            case TEXT -> "Answered by the test for " + q.id() + ".";
            case NUMBER -> "120";
            case DATE -> "2026-06-30";
        };
    }

    private static int concern(Question q, String value) {
        int c = 0;
        if (q.knockOut().contains(value)) {
            c += 100;
        }
        if (q.risk() != null && q.risk().values().contains(value)) {
            c += 10;
        }
        return c;
    }
}
