package org.custodian.ui.oversight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.custodian.logic.oversight.Findings;
import org.custodian.model.validation.Problem;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;

/**
 * The "Accept finding" dialog: why the finding is accepted and until when (three months ahead unless changed, a
 * year at most), checked by the same rules as the use case before the dialog closes.
 */
final class AcceptFindingForm {

    final StringProperty reason = new SimpleStringProperty("");
    final StringProperty expiresOn = new SimpleStringProperty("");
    private final StringProperty reasonError = new SimpleStringProperty("");
    private final StringProperty dateError = new SimpleStringProperty("");
    private final String summary;
    private final LocalDate today;
    private final I18n i18n;

    AcceptFindingForm(String summary, LocalDate today, I18n i18n) {
        this.summary = summary;
        this.today = today;
        this.i18n = i18n;
        expiresOn.set(today.plusMonths(3).toString());
        // A message about a field goes once the field is changed; the next check says again what is still wrong.
        reason.addListener((o, a, b) -> reasonError.set(""));
        expiresOn.addListener((o, a, b) -> dateError.set(""));
    }

    Node node() {
        Label what = new Label(summary);
        what.setWrapText(true);
        TextArea why = FormLayout.area(reason, 4);
        why.setId("finding-accept-reason");
        why.setPromptText(i18n.tr("findings.accept.reasonPrompt"));
        Label hint = new Label(i18n.tr("findings.accept.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        VBox box = new VBox(8, what,
                FormLayout.field(i18n.tr("findings.accept.reason"), true, why, reasonError,
                        "finding-accept-reason-error", i18n),
                FormLayout.dateField(i18n.tr("findings.accept.until"), true, expiresOn, dateError,
                        "finding-accept-until", i18n), hint);
        box.setPrefWidth(480);
        return box;
    }

    /** The expiry typed, or null when it is not a date. */
    LocalDate until() {
        try {
            return LocalDate.parse(expiresOn.get().strip());
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** Shows what is wrong under its field and says whether the form may close. */
    boolean check() {
        reasonError.set("");
        dateError.set("");
        LocalDate until = until();
        if (until == null) {
            dateError.set(i18n.tr("validation.dataset.date", expiresOn.get()));
        }
        List<Problem> problems = Findings.acceptanceProblems(reason.get(), until, today);
        for (Problem p : problems) {
            StringProperty target = Findings.REASON.equals(p.field()) ? reasonError : dateError;
            if (target.get().isEmpty()) {
                target.set(i18n.problem(p));
            }
        }
        return problems.isEmpty();
    }
}
