package org.custodian.ui.sharing;

import javafx.scene.control.Label;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.ui.common.I18n;

/** An agreement's status as a small coloured label (the colours come from the theme, per status, in the stylesheet). */
final class StatusChip extends Label {

    StatusChip() {
        getStyleClass().add("status-chip");
        setMinWidth(USE_PREF_SIZE);
    }

    void show(AgreementStatus status, I18n i18n) {
        getStyleClass().removeIf(c -> c.startsWith("status-chip-"));
        if (status == null) {
            setText("");
            setVisible(false);
            return;
        }
        setVisible(true);
        setText(i18n.tr(status.labelKey()));
        getStyleClass().add("status-chip-" + status.code());
    }

    /** A table column of status chips for the rows. */
    static <S> javafx.scene.control.TableColumn<S, AgreementStatus> column(String title,
            java.util.function.Function<S, AgreementStatus> status, I18n i18n) {
        javafx.scene.control.TableColumn<S, AgreementStatus> column = org.custodian.ui.common.ChipColumn.of(title,
                status, StatusChip::new, (chip, s) -> chip.show(s, i18n));
        column.setMinWidth(120);
        return column;
    }
}
