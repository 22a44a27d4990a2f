package org.custodian.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a list page shows over its empty table: an icon, a title and a hint saying how things get there. */
public final class EmptyState {

    private EmptyState() {
    }

    /** The block, shown while {@code showing} holds; clicks pass through to the table beneath. */
    public static VBox of(Ikon icon, String title, String hint, ObservableBooleanValue showing) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(hint);
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, new FontIcon(icon), heading, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(440);
        box.visibleProperty().bind(showing);
        box.setMouseTransparent(true);
        return box;
    }
}
