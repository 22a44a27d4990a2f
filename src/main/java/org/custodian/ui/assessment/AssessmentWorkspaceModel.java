package org.custodian.ui.assessment;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.custodian.logic.assessment.Assessments;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.Assessment;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.AssessmentTemplate;
import org.custodian.model.assessment.Evidence;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.assessment.ScoreCard;
import org.custodian.model.sharing.AttachmentState;
import org.custodian.model.validation.Problem;
import org.custodian.model.workbench.Access;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The open assessment: its record, template and score, and every change the user makes, each saved at once on
 * the writer thread (in order) with the record and score coming back. A refused change comes back as its problems
 * and the typed value stays where it was typed.
 */
final class AssessmentWorkspaceModel {

    final ObjectProperty<AssessmentRecord> record = new SimpleObjectProperty<>();
    final ObjectProperty<AssessmentTemplate> template = new SimpleObjectProperty<>();
    final ObjectProperty<ScoreCard> score = new SimpleObjectProperty<>();
    final BooleanProperty editable = new SimpleBooleanProperty(false);
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    final StringProperty saveState = new SimpleStringProperty("");
    final BooleanProperty contentIntact = new SimpleBooleanProperty(true);
    final javafx.collections.ObservableList<org.custodian.model.audit.AuditEvent> history =
            javafx.collections.FXCollections.observableArrayList();
    private final PageContext context;
    private final I18n i18n;
    private int pending;

    /** Shows this revision's events in the audit log. */
    void openInAuditLog() {
        AssessmentRecord r = record.get();
        if (r != null) {
            context.openAuditLog(org.custodian.model.audit.AuditFilter.forRecord("assessment",
                    r.assessment().reference() + " r" + r.assessment().revision()));
        }
    }

    AssessmentWorkspaceModel(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    I18n i18n() {
        return i18n;
    }

    Assessments assessments() {
        WorkbenchSession s = context.sessionProperty().get();
        return s == null ? null : s.assessments();
    }

    UUID key() {
        return record.get() == null ? null : record.get().assessment().key();
    }

    /** Reads the assessment and shows it; {@code then} runs once it is shown. */
    void open(UUID key, Runnable then) {
        Assessments a = assessments();
        if (a == null) {
            return;
        }
        boolean canWrite = context.sessionProperty().get().access() == Access.READ_WRITE;
        context.runner().read(p -> {
            AssessmentRecord r = a.load(key).orElseThrow(() -> new IllegalStateException(
                    "the assessment is no longer in the workbench"));
            AssessmentTemplate t = a.templateOf(r.assessment());
            ScoreCard card = a.score(r);
            boolean intact = a.contentIntact(r);
            // In the order they happened, like every record's history.
            List<org.custodian.model.audit.AuditEvent> events = a.history(key);
            return new Object[] {r, t, card, intact, events};
        }, res -> {
            @SuppressWarnings("unchecked")
            List<org.custodian.model.audit.AuditEvent> events = (List<org.custodian.model.audit.AuditEvent>) res[4];
            history.setAll(events);
            template.set((AssessmentTemplate) res[1]);
            writable.set(canWrite);
            show((AssessmentRecord) res[0], (ScoreCard) res[2]);
            contentIntact.set((Boolean) res[3]);
            saveState.set("");
            if (then != null) {
                then.run();
            }
        }, this::failed);
    }

    void close() {
        history.clear();
        record.set(null);
        template.set(null);
        score.set(null);
    }

    private void show(AssessmentRecord r, ScoreCard card) {
        record.set(r);
        score.set(card);
        editable.set(writable.get() && r.assessment().status().editable());
    }

    /** Saves an answer; {@code refused} gets the message when it is not accepted ("" when it is). */
    void answer(String questionId, String value, Consumer<String> refused) {
        save((a, key) -> a.answer(key, questionId, value), refused);
    }

    void note(String questionId, String note, Consumer<String> refused) {
        save((a, key) -> a.note(key, questionId, note), refused);
    }

    /** Whether answers handed on are still being written. */
    boolean saving() {
        return pending > 0;
    }

    private void save(java.util.function.BiFunction<Assessments, UUID, Outcome<Assessments.Saved>> work,
            Consumer<String> refused) {
        Assessments a = assessments();
        // The key is taken now: the workspace may be closed (or show another assessment) before the write runs.
        UUID key = key();
        if (a == null || key == null) {
            return;
        }
        pending++;
        saveState.set(i18n.tr("assessment.saving"));
        context.runner().run(i18n.tr("assessment.saving"), p -> work.apply(a, key), outcome -> {
            pending--;
            boolean current = key.equals(key());
            if (outcome.isDone()) {
                refused.accept("");
                // While later answers are still on their way, showing this older state would undo them on screen.
                if (current && pending == 0) {
                    show(outcome.record().record(), outcome.record().score());
                    saveState.set(i18n.tr("assessment.saved"));
                }
                context.dataChanged();
            } else {
                refused.accept(problems(outcome.problems()));
                if (current) {
                    saveState.set(i18n.tr("assessment.notSaved"));
                }
            }
        }, failure -> {
            pending--;
            saveState.set(i18n.tr("assessment.notSaved"));
            refused.accept(failure.getMessage());
            failed(failure);
        });
    }

    String problems(List<Problem> problems) {
        return String.join("\n", problems.stream().map(i18n::problem).toList());
    }

    /** Runs a change that returns an outcome, reloads the record after it, and reports refusals in a dialog. */
    <T> void change(String title, java.util.function.BiFunction<Assessments, UUID, Outcome<T>> work,
            Consumer<T> done) {
        Assessments a = assessments();
        if (a == null || key() == null) {
            return;
        }
        UUID key = key();
        context.runner().run(title, p -> work.apply(a, key), outcome -> {
            if (!outcome.isDone()) {
                context.dialogs().showError(title, problems(outcome.problems()), outcome.describe());
                return;
            }
            context.dataChanged();
            if (key.equals(key())) {
                open(key, null);
            }
            if (done != null) {
                done.accept(outcome.record());
            }
        }, this::failed);
    }

    void addEvidenceFile(String questionId, Path file) {
        change(i18n.tr("assessment.evidence.file"), (a, key) -> {
            try {
                return a.addEvidenceFile(key, questionId, file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, null);
    }

    void addEvidenceReference(String questionId, String reference) {
        change(i18n.tr("assessment.evidence.reference"), (a, key) -> a.addEvidenceReference(key, questionId, reference),
                null);
    }

    void removeEvidence(Evidence e) {
        change(i18n.tr("assessment.evidence.remove"), (a, key) -> a.removeEvidence(key, e), null);
    }

    /** Checks a file against its recorded hash before opening it; a changed or missing copy is said so. */
    void openEvidence(Evidence e) {
        Assessments a = assessments();
        context.runner().read(p -> a.checkEvidence(e), state -> {
            if (state == AttachmentState.MISSING) {
                context.dialogs().showError(i18n.tr("assessment.evidence.missing.title"),
                        i18n.tr("assessment.evidence.missing", e.fileName()), a.evidencePath(e).toString());
            } else if (state == AttachmentState.CHANGED && !context.dialogs().confirm(
                    i18n.tr("assessment.evidence.changed.title"), i18n.tr("assessment.evidence.changed", e.fileName(),
                            e.sha256()), i18n.tr("assessment.evidence.openAnyway"))) {
                return;
            } else {
                context.dialogs().openDocument(a.evidencePath(e));
            }
        }, this::failed);
    }

    void saveRisk(RiskEntry risk) {
        change(i18n.tr("assessment.risk.save"), (a, key) -> a.saveRisk(key, risk), null);
    }

    void deleteRisk(RiskEntry risk) {
        change(i18n.tr("assessment.risk.delete"), (a, key) -> a.deleteRisk(key, risk), null);
    }

    void saveAction(PlannedAction action) {
        change(i18n.tr("assessment.action.save"), (a, key) -> a.saveAction(key, action), null);
    }

    void deleteAction(PlannedAction action) {
        change(i18n.tr("assessment.action.delete"), (a, key) -> a.deleteAction(key, action), null);
    }

    void updateSubject(String title, AssessmentSubject subject, Consumer<String> refused) {
        Assessments a = assessments();
        UUID key = key();
        context.runner().run(i18n.tr("assessment.subject.save"), p -> a.updateSubject(key, title, subject), outcome -> {
            if (!outcome.isDone()) {
                refused.accept(problems(outcome.problems()));
                return;
            }
            refused.accept("");
            context.dataChanged();
            open(key, null);
        }, this::failed);
    }

    void move(AssessmentStatus to, ReviewRole role, String comment, LocalDate reviewDue) {
        change(i18n.tr(to.labelKey()), (a, key) -> a.move(key, to, role, comment, reviewDue), r ->
                context.dialogs().notify(i18n.tr("assessment.workflow.done", r.assessment().label(),
                        i18n.tr(to.labelKey()))));
    }

    /** Problems the workflow dialog shows before it closes (read on the FX thread: the record is in memory). */
    List<Problem> workflowProblems(AssessmentStatus to, ReviewRole role, String comment) {
        return assessments().workflowProblems(record.get(), to, role, comment);
    }

    /** @param reason why an approved assessment is reopened (required then; may be null otherwise) */
    void newRevision(TemplateCatalog.Entry target, String reason, Consumer<Assessments.Revised> done) {
        Assessments a = assessments();
        UUID key = key();
        context.runner().run(i18n.tr("assessment.revision.new"), p -> {
            try {
                return a.newRevision(key, target, reason);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, outcome -> {
            if (!outcome.isDone()) {
                context.dialogs().showError(i18n.tr("assessment.revision.new"), problems(outcome.problems()),
                        outcome.describe());
                return;
            }
            context.dataChanged();
            done.accept(outcome.record());
        }, this::failed);
    }

    /** Reads in the background (the disk, a templates folder) and hands the result over on the FX thread. */
    <T> void read(java.util.concurrent.Callable<T> work, Consumer<T> then) {
        context.runner().read(p -> work.call(), then, this::failed);
    }

    void failed(Throwable failure) {
        context.dialogs().showError(i18n.tr("assessment.failed.title"), i18n.tr("assessment.failed"),
                failure.getMessage());
    }

    Assessment assessment() {
        return record.get() == null ? null : record.get().assessment();
    }
}
