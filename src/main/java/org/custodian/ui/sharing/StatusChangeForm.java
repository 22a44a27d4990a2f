package org.custodian.ui.sharing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.custodian.logic.sharing.SharingRegister;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;

/**
 * The "Change status" dialog: the next status (only the steps the lifecycle allows), the date it takes effect and
 * the reason for the timeline, checked as the store would check them before the dialog closes.
 */
final class StatusChangeForm {

    final ObjectProperty<AgreementStatus> to = new SimpleObjectProperty<>();
    final StringProperty effectiveOn = new SimpleStringProperty("");
    final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty toError = new SimpleStringProperty("");
    private final StringProperty dateError = new SimpleStringProperty("");
    private final StringProperty reasonError = new SimpleStringProperty("");
    private final SharingAgreement current;
    private final I18n i18n;

    StatusChangeForm(SharingAgreement current, LocalDate today, I18n i18n) {
        this.current = current;
        this.i18n = i18n;
        effectiveOn.set(today.toString());
        List<AgreementStatus> next = current.status().next().stream().toList();
        if (next.size() == 1) {
            to.set(next.get(0));
        }
    }

    Node node() {
        Label now = new Label(i18n.tr("agreement.status.now", current.reference(), i18n.tr(current.status().labelKey()),
                current.statusSince() == null ? "—" : current.statusSince().toString()));
        now.setWrapText(true);
        ComboBox<AgreementStatus> choice = new ComboBox<>(FXCollections.observableArrayList(current.status().next()));
        choice.setId("status-to");
        choice.setConverter(ChoiceText.of(s -> s == null ? "" : i18n.tr(s.labelKey())));
        choice.valueProperty().bindBidirectional(to);
        VBox dateField = FormLayout.dateField(i18n.tr("agreement.status.effectiveOn"), true, effectiveOn, dateError,
                "status-date", i18n);
        TextArea why = FormLayout.area(reason, 3);
        why.setId("status-reason");
        Label hint = new Label(i18n.tr("agreement.status.activeHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        hint.visibleProperty().bind(to.isEqualTo(AgreementStatus.ACTIVE));
        hint.managedProperty().bind(hint.visibleProperty());
        VBox box = new VBox(6, now,
                FormLayout.field(i18n.tr("agreement.status.to"), true, choice, toError, i18n), hint, dateField,
                FormLayout.field(i18n.tr("agreement.status.reason"), true, why, reasonError, "status-reason-error",
                        i18n));
        box.setPrefWidth(460);
        return box;
    }

    /** The checks that need nothing from the store; shows their messages and says whether the form is complete. */
    boolean check() {
        toError.set("");
        dateError.set("");
        reasonError.set("");
        LocalDate on = null;
        try {
            on = LocalDate.parse(effectiveOn.get().strip());
        } catch (DateTimeParseException | NullPointerException e) {
            dateError.set(i18n.tr("validation.dataset.date", effectiveOn.get()));
        }
        List<Problem> problems = SharingRegister.stepProblems(current, to.get(), on, reason.get());
        for (Problem p : problems) {
            StringProperty target = switch (p.field()) {
                case "effective_on" -> dateError;
                case "reason" -> reasonError;
                default -> toError;
            };
            if (target.get().isEmpty()) {
                target.set(i18n.problem(p));
            }
        }
        return problems.isEmpty() && on != null;
    }
}
