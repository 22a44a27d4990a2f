package org.custodian.ui.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.custodian.logic.assessment.Assessments;
import org.custodian.model.assessment.ActionStatus;
import org.custodian.model.assessment.PlannedAction;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;

/** A line of the action plan: what, who, by when, its status, and the risk or question it answers. */
final class ActionForm {

    private final PlannedAction original;
    private final I18n i18n;
    private final TextField title = new TextField();
    private final TextField owner = new TextField();
    private final StringProperty due = new SimpleStringProperty("");
    private final ComboBox<ActionStatus> status = new ComboBox<>(FXCollections.observableArrayList(ActionStatus.values()));
    private final ComboBox<RiskEntry> risk;
    private final TextField question = new TextField();
    private final StringProperty dueError = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    ActionForm(PlannedAction original, List<RiskEntry> risks, String questionId, I18n i18n) {
        this.original = original;
        this.i18n = i18n;
        title.setId("action-title");
        owner.setId("action-owner");
        status.setConverter(ChoiceText.of(s -> s == null ? "" : i18n.tr(s.labelKey())));
        java.util.List<RiskEntry> choices = new java.util.ArrayList<>();
        choices.add(null);
        choices.addAll(risks);
        risk = new ComboBox<>(FXCollections.observableArrayList(choices));
        risk.setConverter(ChoiceText.of(r -> r == null ? "—" : r.title()));
        if (original != null) {
            title.setText(original.title());
            owner.setText(original.owner());
            due.set(original.due() == null ? "" : original.due().toString());
            status.setValue(original.status());
            risk.setValue(risks.stream().filter(r -> r.key().equals(original.riskKey())).findFirst().orElse(null));
            question.setText(original.questionId());
        } else {
            status.setValue(ActionStatus.OPEN);
            question.setText(questionId == null ? "" : questionId);
        }
    }

    Node node() {
        VBox box = new VBox(6,
                FormLayout.field(i18n.tr("assessment.action.title"), true, title, null, i18n),
                FormLayout.row(FormLayout.field(i18n.tr("assessment.action.owner"), true, owner, null, i18n),
                        FormLayout.dateField(i18n.tr("assessment.action.due"), false, due, dueError, "action-due", i18n)),
                FormLayout.row(FormLayout.field(i18n.tr("assessment.action.status"), true, status, null, i18n),
                        FormLayout.field(i18n.tr("assessment.action.question"), false, question, null, i18n)),
                FormLayout.field(i18n.tr("assessment.action.risk"), false, risk, error, "action-error", i18n));
        box.setPrefWidth(520);
        return box;
    }

    PlannedAction value(LocalDate dueDate) {
        RiskEntry r = risk.getValue();
        return new PlannedAction(original == null ? UUID.randomUUID() : original.key(), title.getText(),
                owner.getText(), dueDate, status.getValue(), question.getText().strip(), r == null ? null : r.key());
    }

    /** The action when the form is complete; null after showing why not. */
    PlannedAction checked() {
        dueError.set("");
        LocalDate d = null;
        String text = due.get() == null ? "" : due.get().strip();
        if (!text.isEmpty()) {
            try {
                d = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                dueError.set(i18n.tr("validation.dataset.date", text));
                return null;
            }
        }
        PlannedAction a = value(d);
        List<Problem> problems = Assessments.checkAction(a);
        error.set(String.join("\n", problems.stream().map(i18n::problem).toList()));
        return problems.isEmpty() ? a : null;
    }
}
