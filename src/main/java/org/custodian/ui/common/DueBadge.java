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

    /** A table column of these badges for the rows' due dates, measured from {@code today} as it is when drawn. */
    public static <S> javafx.scene.control.TableColumn<S, LocalDate> column(String title,
            java.util.function.Function<S, LocalDate> due, java.util.function.Supplier<LocalDate> today, I18n i18n) {
        javafx.scene.control.TableColumn<S, LocalDate> column = new javafx.scene.control.TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(due.apply(c.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final DueBadge badge = new DueBadge();

            @Override
            protected void updateItem(LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setGraphic(null);
                    return;
                }
                badge.show(d, today.get(), i18n);
                setGraphic(badge);
            }
        });
        column.setPrefWidth(185);
        column.setMinWidth(180);
        return column;
    }
}
