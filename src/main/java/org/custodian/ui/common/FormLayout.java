package org.custodian.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The one way a form field looks in dialogs: its label above (with a mark when required), the control, and its
 * message under it in the danger colour, shown only when there is one.
 */
public final class FormLayout {

    private FormLayout() {
    }

    public static VBox field(String label, boolean required, Control control, ObservableStringValue error,
                             I18n i18n) {
        return field(label, required, control, error, null, i18n);
    }

    /** As above; {@code errorId} names the message label (tests look messages up by it). */
    public static VBox field(String label, boolean required, Control control, ObservableStringValue error,
                             String errorId, I18n i18n) {
        Label title = new Label(label);
        title.setLabelFor(control);
        title.setMnemonicParsing(false);
        HBox labelRow = new HBox(2, title);
        if (required) {
            Label mark = new Label("*");
            mark.getStyleClass().add("required-mark");
            mark.setAccessibleText(i18n.tr("form.required"));
            labelRow.getChildren().add(mark);
        }
        control.setMaxWidth(Double.MAX_VALUE);
        control.setAccessibleText(label);
        VBox box = new VBox(3, labelRow, control);
        if (error != null) {
            Label message = new Label();
            message.setId(errorId);
            message.getStyleClass().add("field-error");
            message.setWrapText(true);
            message.textProperty().bind(error);
            message.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> error.get() != null && !error.get().isEmpty(), error));
            message.managedProperty().bind(message.visibleProperty());
            error.addListener((o, a, b) -> control.pseudoClassStateChanged(Styles.STATE_DANGER,
                    b != null && !b.isEmpty()));
            box.getChildren().add(message);
        }
        box.setPadding(new Insets(4, 0, 2, 0));
        return box;
    }

    /** Cells side by side, sharing the width. */
    public static GridPane row(Node... cells) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        for (int i = 0; i < cells.length; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cells.length);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            grid.add(cells[i], i, 0);
        }
        return grid;
    }

    public static Label section(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("form-section-title");
        return title;
    }

    /** A text field bound both ways to {@code value}. */
    public static javafx.scene.control.TextField text(javafx.beans.property.StringProperty value) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField();
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A wrapping text area of {@code rows} rows bound both ways to {@code value}. */
    public static javafx.scene.control.TextArea area(javafx.beans.property.StringProperty value, int rows) {
        javafx.scene.control.TextArea a = new javafx.scene.control.TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(value);
        return a;
    }
}
