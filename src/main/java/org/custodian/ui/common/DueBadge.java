package org.custodian.ui.common;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import javafx.scene.control.Label;
import org.custodian.ui.common.I18n;

/** "Overdue by 12 days" in the danger colour, "due in 5 days" in the warning colour, nothing when later. */
public final class DueBadge extends Label {

    public static final int SOON_DAYS = 30;

    public DueBadge() {
        setVisible(false);
        setMinWidth(USE_PREF_SIZE);
        managedProperty().bind(visibleProperty());
    }

    public void show(LocalDate due, LocalDate today, I18n i18n) {
        getStyleClass().removeAll("overdue-badge", "due-soon-badge");
        if (due == null) {
            setVisible(false);
            return;
        }
        long days = ChronoUnit.DAYS.between(today, due);
        if (days < 0) {
            setText(i18n.tr("review.overdueBy", String.valueOf(-days)));
            getStyleClass().add("overdue-badge");
            setVisible(true);
        } else if (days <= SOON_DAYS) {
            setText(days == 0 ? i18n.tr("review.dueToday") : i18n.tr("review.dueIn", String.valueOf(days)));
            getStyleClass().add("due-soon-badge");
            setVisible(true);
        } else {
            setVisible(false);
        }
    }
}
