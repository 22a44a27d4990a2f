package org.custodian.ui.classification;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.custodian.model.classification.Criterion;
import org.custodian.model.classification.DecisionInput;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;

/** Lays out the reclassify dialog's form over a {@link ReclassifyForm}; holds no rules. */
final class ReclassifyView {

    private ReclassifyView() {
    }

    static Node build(ReclassifyForm form, String datasetLabel, I18n i18n) {
        VBox box = new VBox(4);
        box.setId("reclassify-form");
        box.setPrefWidth(600);

        Label subject = new Label(datasetLabel);
        subject.getStyleClass().add(Styles.TEXT_BOLD);
        subject.setWrapText(true);
        HBox now = new HBox(6, new Label(i18n.tr("classify.now")));
        LevelChip current = new LevelChip();
        ClassificationLevel was = form.context.current();
        current.show(was, was == null ? null : was.code(), i18n.chinese());
        if (was == null) {
            now.getChildren().add(new Label(i18n.tr("dataset.level.none")));
        } else {
            now.getChildren().add(current);
        }
        box.getChildren().addAll(subject, now);

        ComboBox<String> level = levelPicker(form, i18n);
        Label rules = new Label();
        rules.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        rules.setWrapText(true);
        rules.textProperty().bind(Bindings.createStringBinding(() -> {
            ClassificationLevel l = form.chosen();
            return l == null ? "" : String.join(" · ", HandlingText.lines(l, i18n));
        }, form.level));
        VBox levelField = FormLayout.field(i18n.tr("classify.level"), true, level, error(form, DecisionInput.LEVEL),
                i18n);
        levelField.getChildren().add(rules);
        box.getChildren().add(levelField);

        TextArea rationale = FormLayout.area(form.rationale, 3);
        rationale.setPromptText(i18n.tr("classify.rationale.prompt"));
        rationale.setId("classify-rationale");
        box.getChildren().add(FormLayout.field(i18n.tr("classify.rationale"), true, rationale,
                error(form, DecisionInput.RATIONALE), i18n));

        box.getChildren().add(FormLayout.section(i18n.tr("classify.criteria")));
        for (Criterion c : Criterion.values()) {
            CheckBox tick = new CheckBox(i18n.tr(c.labelKey()));
            tick.selectedProperty().bindBidirectional(form.ticked.get(c));
            tick.setId("criterion-" + c.code());
            tick.setMinWidth(250);
            tick.setPrefWidth(250);
            TextField note = FormLayout.text(form.notes.get(c));
            note.setPromptText(i18n.tr("classify.criterion.note"));
            note.disableProperty().bind(form.ticked.get(c).not());
            note.setAccessibleText(i18n.tr(c.labelKey()));
            HBox.setHgrow(note, Priority.ALWAYS);
            HBox line = new HBox(8, tick, note);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            Label message = errorLabel(error(form, c.header()));
            box.getChildren().addAll(line, message);
        }

        box.getChildren().add(FormLayout.section(i18n.tr("classify.people")));
        TextField decided = FormLayout.text(form.decidedBy);
        decided.disableProperty().bind(form.proposal);
        box.getChildren().add(FormLayout.row(
                FormLayout.field(i18n.tr("classify.proposedBy"), false, withId(FormLayout.text(form.proposedBy),
                        "classify-proposed-by"),
                        error(form, DecisionInput.PROPOSED_BY), i18n),
                FormLayout.field(i18n.tr("classify.decidedBy"), true, decided,
                        error(form, DecisionInput.DECIDED_BY), i18n)));
        CheckBox proposal = new CheckBox(i18n.tr("classify.proposal"));
        proposal.selectedProperty().bindBidirectional(form.proposal);
        proposal.setId("classify-proposal");
        box.getChildren().add(proposal);

        Label approvalWhy = new Label();
        approvalWhy.textProperty().bind(form.approvalReason);
        approvalWhy.setWrapText(true);
        approvalWhy.getStyleClass().add(Styles.WARNING);
        approvalWhy.visibleProperty().bind(form.approvalNeeded);
        approvalWhy.managedProperty().bind(form.approvalNeeded);
        approvalWhy.setId("classify-approval-needed");
        TextField approver = FormLayout.text(form.approvedBy);
        approver.setId("classify-approved-by");
        TextArea justification = FormLayout.area(form.justification, 2);
        justification.setId("classify-justification");
        box.getChildren().addAll(FormLayout.section(i18n.tr("classify.approval")), approvalWhy,
                FormLayout.field(i18n.tr("classify.approvedBy"), false, approver,
                        error(form, DecisionInput.APPROVED_BY), i18n),
                FormLayout.field(i18n.tr("classify.justification"), false, justification,
                        error(form, DecisionInput.JUSTIFICATION), i18n));

        box.getChildren().add(FormLayout.section(i18n.tr("classify.dates")));
        TextField effective = FormLayout.text(form.effectiveFrom);
        effective.setPromptText("YYYY-MM-DD");
        TextField review = FormLayout.text(form.reviewDue);
        review.setId("classify-review-due");
        review.promptTextProperty().bind(Bindings.createStringBinding(() -> form.defaultReviewDue.get().isEmpty()
                ? i18n.tr("classify.reviewDue.none") : i18n.tr("classify.reviewDue.default", form.defaultReviewDue.get()),
                form.defaultReviewDue));
        box.getChildren().add(FormLayout.row(
                FormLayout.field(i18n.tr("classify.effectiveFrom"), true, effective,
                        error(form, DecisionInput.EFFECTIVE_FROM), i18n),
                FormLayout.field(i18n.tr("classify.reviewDue"), false, review,
                        error(form, DecisionInput.REVIEW_DUE), i18n)));
        TextField declassifyOn = FormLayout.text(form.declassifyOn);
        declassifyOn.setPromptText("YYYY-MM-DD");
        TextField declassifyEvent = FormLayout.text(form.declassifyEvent);
        declassifyEvent.setPromptText(i18n.tr("classify.declassifyEvent.prompt"));
        box.getChildren().add(FormLayout.row(
                FormLayout.field(i18n.tr("classify.declassifyOn"), false, declassifyOn,
                        error(form, DecisionInput.DECLASSIFY_ON), i18n),
                FormLayout.field(i18n.tr("classify.declassifyEvent"), false, declassifyEvent,
                        error(form, DecisionInput.DECLASSIFY_EVENT), i18n)));
        javafx.application.Platform.runLater(rationale::requestFocus);
        return box;
    }

    private static ComboBox<String> levelPicker(ReclassifyForm form, I18n i18n) {
        ObservableList<String> codes = FXCollections.observableArrayList();
        java.util.Map<String, ClassificationLevel> byCode = new java.util.HashMap<>();
        for (ClassificationLevel l : form.context.scheme().levels()) {
            codes.add(l.code());
            byCode.put(l.code(), l);
        }
        ComboBox<String> box = new ComboBox<>(codes);
        box.setId("classify-level");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                ClassificationLevel l = code == null ? null : byCode.get(code);
                return l == null ? "" : i18n.chinese() ? l.nameTc() + " (" + l.nameEn() + ")" : l.nameEn();
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setCellFactory(v -> new ListCell<>() {
            private final LevelChip chip = new LevelChip();

            @Override
            protected void updateItem(String code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setGraphic(null);
                    setText(null);
                } else {
                    chip.show(byCode.get(code), code, i18n.chinese());
                    setText(null);
                    setGraphic(chip);
                }
            }
        });
        box.valueProperty().bindBidirectional(form.level);
        return box;
    }

    private static <T extends javafx.scene.Node> T withId(T node, String id) {
        node.setId(id);
        return node;
    }

    private static StringProperty error(ReclassifyForm form, String field) {
        return form.errors.get(field);
    }

    private static Label errorLabel(StringProperty error) {
        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
