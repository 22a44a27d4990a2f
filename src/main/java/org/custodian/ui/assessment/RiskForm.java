package org.custodian.ui.assessment;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.custodian.logic.assessment.Assessments;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;

/**
 * A risk of the register: what could happen, its likelihood and impact before and after mitigation (1 negligible,
 * 2 limited, 3 significant, 4 maximum), the mitigation and its owner. Checked as the store checks it.
 */
final class RiskForm {

    static final List<Integer> SCALE = List.of(1, 2, 3, 4);
    private final RiskEntry original;
    private final I18n i18n;
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final TextArea mitigation = new TextArea();
    private final TextField owner = new TextField();
    private final ComboBox<Integer> likelihood = scale();
    private final ComboBox<Integer> impact = scale();
    private final ComboBox<Integer> residualLikelihood = scale();
    private final ComboBox<Integer> residualImpact = scale();
    private final StringProperty error = new SimpleStringProperty("");

    RiskForm(RiskEntry original, I18n i18n) {
        this.original = original;
        this.i18n = i18n;
        title.setId("risk-title");
        description.setWrapText(true);
        description.setPrefRowCount(2);
        mitigation.setWrapText(true);
        mitigation.setPrefRowCount(2);
        if (original != null) {
            title.setText(original.title());
            description.setText(original.description());
            mitigation.setText(original.mitigation());
            owner.setText(original.owner());
            likelihood.setValue(original.likelihood());
            impact.setValue(original.impact());
            residualLikelihood.setValue(original.residualLikelihood());
            residualImpact.setValue(original.residualImpact());
        } else {
            likelihood.setValue(2);
            impact.setValue(2);
            residualLikelihood.setValue(2);
            residualImpact.setValue(2);
        }
    }

    private ComboBox<Integer> scale() {
        ComboBox<Integer> box = new ComboBox<>(FXCollections.observableArrayList(SCALE));
        box.setConverter(ChoiceText.of(v -> v == null ? "" : v + " " + i18n.tr("assessment.scale." + v)));
        return box;
    }

    Node node() {
        VBox box = new VBox(6,
                FormLayout.field(i18n.tr("assessment.risk.title"), true, title, null, i18n),
                FormLayout.field(i18n.tr("assessment.risk.description"), false, description, null, i18n),
                FormLayout.row(FormLayout.field(i18n.tr("assessment.risk.likelihood"), true, likelihood, null, i18n),
                        FormLayout.field(i18n.tr("assessment.risk.impact"), true, impact, null, i18n)),
                FormLayout.field(i18n.tr("assessment.risk.mitigation"), false, mitigation, null, i18n),
                FormLayout.row(FormLayout.field(i18n.tr("assessment.risk.residualLikelihood"), true, residualLikelihood,
                                null, i18n),
                        FormLayout.field(i18n.tr("assessment.risk.residualImpact"), true, residualImpact, null, i18n)),
                FormLayout.field(i18n.tr("assessment.risk.owner"), false, owner, error, "risk-error", i18n));
        box.setPrefWidth(520);
        return box;
    }

    RiskEntry value() {
        return new RiskEntry(original == null ? UUID.randomUUID() : original.key(), title.getText(),
                description.getText(), orZero(likelihood.getValue()), orZero(impact.getValue()), mitigation.getText(),
                orZero(residualLikelihood.getValue()), orZero(residualImpact.getValue()), owner.getText(),
                original == null ? "" : original.questionId());
    }

    boolean check() {
        List<Problem> problems = Assessments.checkRisk(value());
        error.set(String.join("\n", problems.stream().map(i18n::problem).toList()));
        return problems.isEmpty();
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
