package org.custodian.ui.classification;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.custodian.model.classification.AccessReviewInput;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;

/** Lays out the access-review dialog's form over an {@link AccessReviewForm}. */
final class AccessReviewView {

    private AccessReviewView() {
    }

    static Node build(AccessReviewForm form, String datasetLabel, I18n i18n) {
        VBox box = new VBox(4);
        box.setId("access-review-form");
        box.setPrefWidth(560);
        Label subject = new Label(datasetLabel);
        subject.getStyleClass().add(Styles.TEXT_BOLD);
        subject.setWrapText(true);
        box.getChildren().add(subject);
        if (form.level != null && form.level.rules().accessReview() != null) {
            Label interval = new Label(i18n.tr("handling.accessReview",
                    HandlingText.period(form.level.rules().accessReview(), i18n)));
            interval.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.getChildren().add(interval);
        }
        TextField reviewedOn = FormLayout.text(form.reviewedOn);
        reviewedOn.setPromptText("YYYY-MM-DD");
        box.getChildren().add(FormLayout.row(
                FormLayout.field(i18n.tr("access.reviewer"), true, FormLayout.text(form.reviewer),
                        form.errors.get(AccessReviewInput.REVIEWER), i18n),
                FormLayout.field(i18n.tr("access.reviewedOn"), true, reviewedOn,
                        form.errors.get(AccessReviewInput.REVIEWED_ON), i18n)));
        TextArea scope = FormLayout.area(form.scope, 2);
        scope.setPromptText(i18n.tr("access.scope.prompt"));
        scope.setId("access-scope");
        box.getChildren().add(FormLayout.field(i18n.tr("access.scope"), true, scope,
                form.errors.get(AccessReviewInput.SCOPE), i18n));
        TextArea findings = FormLayout.area(form.findings, 3);
        findings.setPromptText(i18n.tr("access.findings.prompt"));
        findings.setId("access-findings");
        box.getChildren().add(FormLayout.field(i18n.tr("access.findings"), true, findings,
                form.errors.get(AccessReviewInput.FINDINGS), i18n));
        box.getChildren().add(FormLayout.field(i18n.tr("access.actions"), false, FormLayout.area(form.actions, 2),
                form.errors.get(AccessReviewInput.ACTIONS), i18n));
        TextField nextDue = FormLayout.text(form.nextDue);
        nextDue.promptTextProperty().bind(Bindings.createStringBinding(() -> form.defaultNextDue.get().isEmpty()
                ? "YYYY-MM-DD" : i18n.tr("classify.reviewDue.default", form.defaultNextDue.get()),
                form.defaultNextDue));
        box.getChildren().add(FormLayout.field(i18n.tr("access.nextDue"), false, nextDue,
                form.errors.get(AccessReviewInput.NEXT_DUE), i18n));
        javafx.application.Platform.runLater(scope::requestFocus);
        return box;
    }
}
