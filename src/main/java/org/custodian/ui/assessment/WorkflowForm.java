package org.custodian.ui.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.ReviewRole;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;

/**
 * One workflow step: the role the user acts in, a comment for the record and, for an approval, when the assessment
 * is to be reviewed again. The workflow rules run before the dialog closes.
 */
final class WorkflowForm {

    final AssessmentStatus to;
    final ComboBox<ReviewRole> role = new ComboBox<>(FXCollections.observableArrayList(ReviewRole.values()));
    final TextArea comment = new TextArea();
    final StringProperty reviewDue = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty dueError = new SimpleStringProperty("");
    private final I18n i18n;
    private final String actor;

    private String warning = "";

    /** A note shown above the fields that does not stop the step (evidence still expected). */
    WorkflowForm warn(String text) {
        warning = text == null ? "" : text;
        return this;
    }

    WorkflowForm(AssessmentStatus to, String actor, LocalDate today, I18n i18n) {
        this.to = to;
        this.i18n = i18n;
        this.actor = actor;
        role.setId("workflow-role");
        role.setConverter(ChoiceText.of(r -> r == null ? "" : i18n.tr(r.labelKey())));
        role.setValue(to == AssessmentStatus.SUBMITTED ? ReviewRole.ASSESSOR : ReviewRole.REVIEWER);
        comment.setId("workflow-comment");
        comment.setWrapText(true);
        comment.setPrefRowCount(3);
        reviewDue.set(today.plusYears(1).toString());
    }

    Node node() {
        Label who = new Label(i18n.tr("assessment.workflow.actor", actor));
        who.setWrapText(true);
        Label warn = new Label(warning);
        warn.setWrapText(true);
        warn.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
        warn.setVisible(!warning.isEmpty());
        warn.managedProperty().bind(warn.visibleProperty());
        warn.setId("workflow-warning");
        VBox box = new VBox(6, who, warn,
                FormLayout.field(i18n.tr("assessment.workflow.role"), true, role, null, i18n),
                FormLayout.field(i18n.tr("assessment.workflow.comment"), to != AssessmentStatus.SUBMITTED
                        && to != AssessmentStatus.APPROVED, comment, error, "workflow-error", i18n));
        if (to.approved()) {
            box.getChildren().add(FormLayout.dateField(i18n.tr("assessment.workflow.reviewDue"), true, reviewDue,
                    dueError, "workflow-review-due", i18n));
        }
        box.setPrefWidth(480);
        return box;
    }

    LocalDate due() {
        try {
            return to.approved() ? LocalDate.parse(reviewDue.get().strip()) : null;
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** Runs the rules; shows their messages and says whether the step may go ahead. */
    boolean check(Function<WorkflowForm, List<Problem>> rules) {
        dueError.set("");
        if (to.approved() && due() == null) {
            dueError.set(i18n.tr("validation.dataset.date", reviewDue.get()));
            return false;
        }
        List<Problem> problems = rules.apply(this);
        error.set(String.join("\n", problems.stream().map(i18n::problem).toList()));
        return problems.isEmpty();
    }
}
