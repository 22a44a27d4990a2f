package org.custodian.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.custodian.logic.workbench.WorkbenchSummary;
import org.custodian.ui.common.I18n;
import org.kordamp.ikonli.javafx.FontIcon;

/** The navigation sidebar: one entry per existing page, with icon and label; Ctrl+1… opens them. */
final class Sidebar extends VBox {

    // Registered weakly on the model, which outlives this sidebar across language switches.
    private final javafx.beans.value.ChangeListener<Page> followPage;
    private final java.util.Map<Page, ToggleButton> entries = new java.util.EnumMap<>(Page.class);

    Sidebar(MainWindowViewModel model, I18n i18n) {
        ToggleGroup group = new ToggleGroup();
        Page[] pages = Page.values();
        for (int i = 0; i < pages.length; i++) {
            Page page = pages[i];
            ToggleButton entry = new ToggleButton(i18n.tr(page.labelKey()), new FontIcon(page.icon()));
            entry.setId("nav-" + page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            entry.setToggleGroup(group);
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setAlignment(Pos.CENTER_LEFT);
            entry.getStyleClass().add("nav-entry");
            entry.setTooltip(new Tooltip(i18n.tr(page.labelKey())
                    + page.accelerator().map(k -> " (" + k.getDisplayText() + ")").orElse("")));
            entry.setSelected(model.pageProperty().get() == page);
            entry.setOnAction(e -> {
                entry.setSelected(true);
                model.pageProperty().set(page);
            });
            entries.put(page, entry);
            if (page == Page.REVIEWS) {
                getChildren().add(withOverdueBadge(entry, model, i18n, "nav-reviews-overdue", "nav.reviews.overdue",
                        WorkbenchSummary::overdueReviews));
            } else if (page == Page.AGREEMENTS_DUE) {
                getChildren().add(withOverdueBadge(entry, model, i18n, "nav-agreements-overdue",
                        "nav.agreementsDue.overdue", WorkbenchSummary::overdueAgreements));
            } else {
                getChildren().add(entry);
            }
        }
        followPage = (o, a, now) -> entries.forEach((p, e) -> e.setSelected(p == now));
        model.pageProperty().addListener(new javafx.beans.value.WeakChangeListener<>(followPage));
        setSpacing(4);
        setPadding(new Insets(12, 8, 12, 8));
        setPrefWidth(224);
        setMinWidth(160);
        getStyleClass().add("sidebar");
    }

    /** The entry with a count of overdue items on its right, shown while there are any. */
    private javafx.scene.Node withOverdueBadge(ToggleButton entry, MainWindowViewModel model, I18n i18n, String id,
                                               String helpKey, java.util.function.ToLongFunction<WorkbenchSummary> count) {
        javafx.scene.control.Label badge = new javafx.scene.control.Label();
        badge.setId(id);
        badge.getStyleClass().add("overdue-badge");
        badge.setMouseTransparent(true);
        badge.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var s = model.summaryProperty().get();
            return s == null ? "" : String.format(i18n.locale(), "%,d", count.applyAsLong(s));
        }, model.summaryProperty()));
        badge.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var s = model.summaryProperty().get();
            return s != null && count.applyAsLong(s) > 0;
        }, model.summaryProperty()));
        badge.visibleProperty().addListener((o, a, shown) -> entry.setAccessibleHelp(shown
                ? i18n.tr(helpKey, badge.getText()) : null));
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(entry, badge);
        javafx.scene.layout.StackPane.setAlignment(badge, Pos.CENTER_RIGHT);
        javafx.scene.layout.StackPane.setMargin(badge, new Insets(0, 8, 0, 0));
        return box;
    }
}
