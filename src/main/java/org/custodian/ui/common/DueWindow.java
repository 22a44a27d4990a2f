package org.custodian.ui.common;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;

/** The "due within" picker of the lists of things falling due: overdue only, 30 … 365 days, or any time. */
public final class DueWindow {

    /** The windows offered, in days; 0 is overdue (or due today), null is every date recorded. */
    public static final List<Integer> CHOICES = java.util.Arrays.asList(0, 30, 60, 90, 180, 365, null);

    private DueWindow() {
    }

    /** The reviews queue's windows: only the overdue ones first, then the others. */
    public static final List<Integer> WITH_OVERDUE_ONLY = java.util.Arrays.asList(
            org.custodian.model.classification.ReviewQuery.OVERDUE, 0, 30, 60, 90, 180, 365, null);

    public static ComboBox<Integer> picker(ObjectProperty<Integer> value, I18n i18n) {
        return picker(value, i18n, CHOICES);
    }

    public static ComboBox<Integer> picker(ObjectProperty<Integer> value, I18n i18n, List<Integer> choices) {
        ComboBox<Integer> within = new ComboBox<>(FXCollections.observableArrayList(choices));
        within.setConverter(ChoiceText.of(d -> d == null ? i18n.tr("reviews.within.all") : d < 0
                ? i18n.tr("reviews.within.overdueOnly") : d == 0
                ? i18n.tr("reviews.within.overdue") : i18n.tr("reviews.within.days", String.valueOf(d))));
        within.valueProperty().bindBidirectional(value);
        return within;
    }
}
