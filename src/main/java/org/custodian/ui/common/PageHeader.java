package org.custodian.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The one page header every page uses: title, record count, then the page's search and primary actions. */
public final class PageHeader extends HBox {

    public PageHeader(String title, ObservableStringValue count, Node... trailing) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(Styles.TITLE_3);
        Label countLabel = new Label();
        countLabel.getStyleClass().addAll(Styles.TEXT_MUTED, "page-count");
        if (count != null) {
            countLabel.textProperty().bind(count);
        }
        // The title and count keep their width; the search field in the trailing nodes gives way first.
        titleLabel.setMinWidth(Region.USE_PREF_SIZE);
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(titleLabel, countLabel, spacer);
        getChildren().addAll(trailing);
        for (Node n : trailing) {
            if (n instanceof javafx.scene.control.ButtonBase b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        setPadding(new Insets(12, 16, 12, 16));
        getStyleClass().add("page-header");
    }
}
