package org.custodian.ui.assessment;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.custodian.logic.assessment.TemplateCatalog;
import org.custodian.model.assessment.AssessmentSubject;
import org.custodian.model.assessment.SubjectKind;
import org.custodian.model.validation.FieldText;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;

/** Starting an assessment: the template (and its version), a title, and the project or system assessed. */
final class NewAssessmentForm {

    final ComboBox<TemplateCatalog.Entry> template;
    final TextField title = new TextField();
    final TextField subject = new TextField();
    final ComboBox<SubjectKind> kind = new ComboBox<>(FXCollections.observableArrayList(SubjectKind.values()));
    final TextField department = new TextField();
    final TextArea description = new TextArea();
    final TextField datasets = new TextField();
    final StringProperty error = new SimpleStringProperty("");
    private final I18n i18n;

    NewAssessmentForm(List<TemplateCatalog.Entry> templates, I18n i18n) {
        this.i18n = i18n;
        template = new ComboBox<>(FXCollections.observableArrayList(templates));
        template.setId("new-template");
        template.setConverter(ChoiceText.of(e -> e == null ? "" : e.template().title().in(i18n.locale()) + "  ("
                + e.template().version() + (e.origin() == TemplateCatalog.Origin.DEPARTMENT
                ? ", " + i18n.tr("assessment.template.department") : "") + ")"));
        if (!templates.isEmpty()) {
            template.setValue(templates.get(0));
        }
        title.setId("new-title");
        subject.setId("new-subject");
        kind.setConverter(ChoiceText.of(k -> k == null ? "" : i18n.tr(k.labelKey())));
        kind.setValue(SubjectKind.AI_SYSTEM);
        department.setPromptText(i18n.tr("assessment.subject.departmentPrompt"));
        description.setWrapText(true);
        description.setPrefRowCount(3);
        datasets.setId("new-datasets");
        datasets.setPromptText(i18n.tr("assessment.subject.datasetsPrompt"));
        subject.textProperty().addListener((o, a, b) -> suggestTitle(a));
        template.valueProperty().addListener((o, a, b) -> suggestTitle(subject.getText()));
    }

    /** Keeps the title "Template — subject" until the user writes their own. */
    private void suggestTitle(String previousSubject) {
        TemplateCatalog.Entry e = template.getValue();
        if (e == null) {
            return;
        }
        String t = title.getText();
        if (t.isEmpty() || t.endsWith("— " + previousSubject) || t.endsWith("— " + subject.getText())
                || t.equals(e.template().title().in(i18n.locale()))) {
            title.setText(e.template().title().in(i18n.locale()) + (subject.getText().isBlank() ? ""
                    : " — " + subject.getText().strip()));
        }
    }

    Node node() {
        Label help = new Label(i18n.tr("assessment.new.help"));
        help.setWrapText(true);
        help.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        VBox box = new VBox(6, help,
                FormLayout.field(i18n.tr("assessment.field.template"), true, template, null, i18n),
                FormLayout.row(FormLayout.field(i18n.tr("assessment.field.subject"), true, subject, null, i18n),
                        FormLayout.field(i18n.tr("assessment.field.kind"), true, kind, null, i18n)),
                FormLayout.field(i18n.tr("assessment.field.title"), true, title, null, i18n),
                FormLayout.field(i18n.tr("assessment.field.department"), false, department, null, i18n),
                FormLayout.field(i18n.tr("assessment.field.description"), false, description, null, i18n),
                FormLayout.field(i18n.tr("assessment.field.datasets"), false, datasets, error, "new-error", i18n));
        box.setPrefWidth(560);
        return box;
    }

    AssessmentSubject subject() {
        return new AssessmentSubject(subject.getText(), kind.getValue(), department.getText(), description.getText(),
                FieldText.items(datasets.getText(), ";"));
    }
}
