package org.custodian.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
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
            entry.setTooltip(new Tooltip(i18n.tr(page.labelKey()) + " (Ctrl+" + (i + 1) + ")"));
            entry.setSelected(model.pageProperty().get() == page);
            entry.setOnAction(e -> {
                entry.setSelected(true);
                model.pageProperty().set(page);
            });
            entries.put(page, entry);
            getChildren().add(entry);
        }
        followPage = (o, a, now) -> entries.forEach((p, e) -> e.setSelected(p == now));
        model.pageProperty().addListener(new javafx.beans.value.WeakChangeListener<>(followPage));
        setSpacing(4);
        setPadding(new Insets(12, 8, 12, 8));
        setPrefWidth(200);
        setMinWidth(160);
        getStyleClass().add("sidebar");
    }
}
