package org.custodian.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Remembers a table's column order, widths and visible columns between sessions, spelt
 * {@code id:width:visible,...} in the window settings. Columns need ids; unknown ids in a saved layout are
 * ignored and new columns keep their place at the end.
 */
public final class TableLayout {

    private TableLayout() {
    }

    /** Applies the saved layout, then saves every later change (debounced, written in the background). */
    public static <S> void remember(TableView<S> table, String tableId, PageContext context) {
        apply(table, context.tableLayout(tableId));
        PauseTransition debounce = new PauseTransition(Duration.millis(600));
        debounce.setOnFinished(e -> context.saveTableLayout(tableId, describe(table)));
        Runnable changed = debounce::playFromStart;
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> changed.run());
        for (TableColumn<S, ?> column : table.getColumns()) {
            column.widthProperty().addListener((o, a, b) -> changed.run());
            column.visibleProperty().addListener((o, a, b) -> changed.run());
        }
    }

    static <S> String describe(TableView<S> table) {
        StringBuilder s = new StringBuilder();
        for (TableColumn<S, ?> c : table.getColumns()) {
            s.append(s.length() == 0 ? "" : ",").append(c.getId()).append(':').append(Math.round(c.getWidth()))
                    .append(':').append(c.isVisible() ? 'v' : 'h');
        }
        return s.toString();
    }

    static <S> void apply(TableView<S> table, String layout) {
        if (layout == null || layout.isBlank()) {
            return;
        }
        Map<String, TableColumn<S, ?>> byId = new HashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (String part : layout.split(",")) {
            String[] f = part.split(":");
            TableColumn<S, ?> c = f.length == 3 ? byId.remove(f[0]) : null;
            if (c == null) {
                continue;
            }
            try {
                double width = Double.parseDouble(f[1]);
                if (width >= 24 && width <= 2000) {
                    c.setPrefWidth(width);
                }
            } catch (NumberFormatException ignored) {
                // keep the default width
            }
            c.setVisible(!"h".equals(f[2]));
            ordered.add(c);
        }
        table.getColumns().forEach(c -> {
            if (byId.containsKey(c.getId())) {
                ordered.add(c);
            }
        });
        table.getColumns().setAll(ordered);
    }
}
