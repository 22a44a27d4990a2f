package org.custodian.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import org.custodian.ui.common.I18n;
import org.kordamp.ikonli.javafx.FontIcon;

/** Makes menu items and buttons from {@link StandardAction}s in the current language. */
final class ActionFactory {

    private final I18n i18n;

    ActionFactory(I18n i18n) {
        this.i18n = i18n;
    }

    MenuItem menuItem(StandardAction action, Runnable command, ObservableBooleanValue disabled) {
        MenuItem item = new MenuItem(i18n.tr(action.labelKey()));
        decorate(item, action);
        item.setOnAction(e -> command.run());
        if (disabled != null) {
            item.disableProperty().bind(disabled);
        }
        return item;
    }

    RadioMenuItem radioItem(StandardAction action, Runnable command) {
        RadioMenuItem item = new RadioMenuItem(i18n.tr(action.labelKey()));
        decorate(item, action);
        item.setOnAction(e -> command.run());
        return item;
    }

    private void decorate(MenuItem item, StandardAction action) {
        item.setId("action-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (action.accelerator() != null) {
            item.setAccelerator(action.accelerator());
        }
        if (action.icon() != null) {
            item.setGraphic(new FontIcon(action.icon()));
        }
    }
}
