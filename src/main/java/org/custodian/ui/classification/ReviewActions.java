package org.custodian.ui.classification;

import java.util.UUID;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.AccessReview;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.DecisionContext;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The classification actions every screen offers the same way — reclassify, review the level, record an access
 * review: load what the rules need in the background, show the form, record in the background, and when the
 * store refuses (someone else changed the dataset meanwhile) show the form again with everything typed.
 */
public final class ReviewActions {

    private final PageContext context;
    private final I18n i18n;

    public ReviewActions(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
    }

    /**
     * Opens the reclassify dialog; {@code review} starts it at the current level (a classification review
     * confirms or changes it). {@code done} runs after a decision is recorded.
     */
    public void reclassify(UUID datasetId, String datasetLabel, boolean review, Runnable done) {
        open(datasetId, datasetLabel, review, null, done);
    }

    /** Opens the reclassify dialog filled from a proposal, for the decider to confirm (or change) it. */
    public void confirmProposal(UUID datasetId, String datasetLabel, ClassificationDecision proposal, Runnable done) {
        open(datasetId, datasetLabel, false, proposal, done);
    }

    private void open(UUID datasetId, String datasetLabel, boolean review, ClassificationDecision proposal,
                      Runnable done) {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        context.runner().read(progress -> session.classification().context(datasetId), decisionContext -> {
            ReclassifyForm form = new ReclassifyForm(decisionContext, session.actor(), i18n);
            if (review) {
                form.asReview();
            }
            if (proposal != null) {
                form.fromProposal(proposal);
            }
            showReclassify(session, datasetId, datasetLabel, review, form, done);
        }, failure -> context.dialogs().showError(i18n.tr("classify.failed.title"), i18n.tr("classify.failed"),
                failure.getMessage()));
    }

    private void showReclassify(WorkbenchSession session, UUID datasetId, String label, boolean review,
                                ReclassifyForm form, Runnable done) {
        String title = i18n.tr(review ? "classify.review.title" : "classify.title");
        if (!context.dialogs().showForm(title, ReclassifyView.build(form, label, i18n), i18n.tr("classify.record"),
                form::check)) {
            return;
        }
        context.runner().run(i18n.tr("task.recordingDecision"),
                progress -> session.classification().classify(datasetId, form.input()),
                (Outcome<ClassificationDecision> outcome) -> {
                    if (outcome.isDone()) {
                        ClassificationDecision d = outcome.record();
                        context.dialogs().notify(i18n.tr(d.confirmed() ? "classify.recorded" : "classify.proposed",
                                d.datasetCode(), levelName(form.context, d.level())));
                        context.dataChanged();
                        done.run();
                    } else {
                        form.show(outcome.problems());
                        showReclassify(session, datasetId, label, review, form, done);
                    }
                },
                failure -> {
                    context.dialogs().showError(i18n.tr("classify.failed.title"), i18n.tr("classify.failed"),
                            failure.getMessage());
                    if (mayRetry(failure)) {
                        showReclassify(session, datasetId, label, review, form, done);
                    }
                });
    }

    /** A file that cannot be written (read-only, locked by another window) will not take a second try either. */
    private static boolean mayRetry(Throwable failure) {
        return !(failure instanceof org.custodian.model.workbench.WorkbenchAccessException);
    }

    private String levelName(DecisionContext c, String code) {
        return c.scheme().level(code).map(l -> l.name(i18n.chinese())).orElse(code);
    }

    /** Opens the access-review dialog for the dataset; {@code done} runs after the review is recorded. */
    public void recordAccessReview(UUID datasetId, String datasetLabel, Runnable done) {
        WorkbenchSession session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        context.runner().read(progress -> session.classification().context(datasetId), decisionContext -> {
            AccessReviewForm form = new AccessReviewForm(datasetId, decisionContext.datasetCode(),
                    decisionContext.current(), decisionContext.today(), session.actor(), i18n);
            showAccessReview(session, datasetId, datasetLabel, form, done);
        }, failure -> context.dialogs().showError(i18n.tr("access.failed.title"), i18n.tr("access.failed"),
                failure.getMessage()));
    }

    private void showAccessReview(WorkbenchSession session, UUID datasetId, String label, AccessReviewForm form,
                                  Runnable done) {
        if (!context.dialogs().showForm(i18n.tr("access.title"), AccessReviewView.build(form, label, i18n),
                i18n.tr("access.record"), form::check)) {
            return;
        }
        context.runner().run(i18n.tr("task.recordingReview"),
                progress -> session.classification().recordAccessReview(datasetId, form.input()),
                (Outcome<AccessReview> outcome) -> {
                    if (outcome.isDone()) {
                        context.dialogs().notify(i18n.tr("access.recorded", outcome.record().datasetCode()));
                        context.dataChanged();
                        done.run();
                    } else {
                        form.show(outcome.problems());
                        showAccessReview(session, datasetId, label, form, done);
                    }
                },
                failure -> {
                    context.dialogs().showError(i18n.tr("access.failed.title"), i18n.tr("access.failed"),
                            failure.getMessage());
                    if (mayRetry(failure)) {
                        showAccessReview(session, datasetId, label, form, done);
                    }
                });
    }
}
