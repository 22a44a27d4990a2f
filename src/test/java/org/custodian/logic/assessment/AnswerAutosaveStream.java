package org.custodian.logic.assessment;

import java.nio.file.Path;
import java.util.List;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.Question;
import org.custodian.model.assessment.QuestionType;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.workbench.Access;

/**
 * Child process for the autosave crash test: opens (creating) a workbench, starts a privacy assessment, prints its
 * key, then answers the template's text questions in turn with "answer N", printing "saved N QUESTION" after each
 * answer() returns, until it is killed.
 */
public final class AnswerAutosaveStream {

    private AnswerAutosaveStream() {
    }

    public static void main(String[] args) {
        try (WorkbenchSession s = WorkbenchSession.open(Path.of(args[0]), Access.READ_WRITE, "crash-assessor", true)) {
            Assessments assessments = s.assessments();
            TemplateCatalog.Entry template = TemplateCatalog.bundled("privacy-impact");
            Outcome<Assessment> created = assessments.create(template, "Autosave under a crash",
                    new AssessmentSubject("Autosave", SubjectKind.PROJECT, null, "", List.of()));
            if (!created.isDone()) {
                throw new IllegalStateException(created.describe());
            }
            Assessment a = created.record();
            List<Question> texts = template.template().questions().stream()
                    .filter(q -> q.type() == QuestionType.TEXT).toList();
            System.out.println("key " + a.key());
            System.out.flush();
            for (int n = 1; ; n++) {
                Question q = texts.get((n - 1) % texts.size());
                Outcome<Assessments.Saved> saved = assessments.answer(a.key(), q.id(), "answer " + n);
                if (!saved.isDone()) {
                    throw new IllegalStateException(saved.describe());
                }
                System.out.println("saved " + n + " " + q.id());
                System.out.flush();
            }
        }
    }
}
