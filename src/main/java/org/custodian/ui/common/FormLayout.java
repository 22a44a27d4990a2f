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

    /**
     * A date typed as YYYY-MM-DD (bound both ways to {@code value}, so an invalid date stays as typed for the
     * validator to name) with a button that opens a calendar; returns the row and puts the text field in
     * {@code textOut[0]} for labels and focus.
     */
    public static javafx.scene.layout.HBox date(javafx.beans.property.StringProperty value, I18n i18n,
                                                 javafx.scene.control.TextField[] textOut) {
        javafx.scene.control.TextField text = text(value);
        text.setPromptText("YYYY-MM-DD");
        javafx.scene.control.DatePicker calendar = new javafx.scene.control.DatePicker();
        javafx.scene.control.skin.DatePickerSkin skin = new javafx.scene.control.skin.DatePickerSkin(calendar);
        javafx.scene.control.CustomMenuItem item = new javafx.scene.control.CustomMenuItem(skin.getPopupContent(), false);
        javafx.scene.control.ContextMenu popup = new javafx.scene.control.ContextMenu(item);
        javafx.scene.control.Button pick = new javafx.scene.control.Button(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2OutlinedAL.DATE_RANGE));
        pick.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        pick.setTooltip(new javafx.scene.control.Tooltip(i18n.tr("dataset.pickDate")));
        pick.setAccessibleText(i18n.tr("dataset.pickDate"));
        pick.setFocusTraversable(false);
        pick.setOnAction(e -> {
            try {
                String t = text.getText();
                calendar.setValue(t == null || t.isBlank() ? java.time.LocalDate.now()
                        : java.time.LocalDate.parse(t.strip()));
            } catch (java.time.format.DateTimeParseException ex) {
                calendar.setValue(java.time.LocalDate.now());
            }
            popup.show(pick, javafx.geometry.Side.BOTTOM, 0, 0);
        });
        calendar.valueProperty().addListener((o, a, d) -> {
            if (d != null && popup.isShowing()) {
                value.set(d.toString());
                popup.hide();
            }
        });
        if (textOut != null && textOut.length > 0) {
            textOut[0] = text;
        }
        HBox box = new HBox(4, text, pick);
        HBox.setHgrow(text, Priority.ALWAYS);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** A labelled date field: {@link #date} with its label above and its message under it; {@code id} names the text. */
    public static VBox dateField(String label, boolean required, javafx.beans.property.StringProperty value,
                                 ObservableStringValue error, String id, I18n i18n) {
        javafx.scene.control.TextField[] text = new javafx.scene.control.TextField[1];
        HBox row = date(value, i18n, text);
        text[0].setId(id);
        VBox box = field(label, required, text[0], error, i18n);
        row.getChildren().add(0, text[0]); // back from the field's box into the row with the calendar button
        HBox.setHgrow(text[0], Priority.ALWAYS);
        box.getChildren().add(1, row);
        return box;
    }

    /** A list filter: its name, muted, before the picker (which also speaks the name to screen readers). */
    /**
     * A filter that shows its current choice ("All types") instead of a label: its name goes to screen readers and
     * the tooltip.
     */
    public static Control named(String name, Control box) {
        box.setAccessibleText(name);
        box.setTooltip(new javafx.scene.control.Tooltip(name));
        return box;
    }

    public static HBox filter(String label, Control box) {
        Label name = new Label(label);
        name.setLabelFor(box);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        box.setAccessibleText(label);
        HBox h = new HBox(4, name, box);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }
}
