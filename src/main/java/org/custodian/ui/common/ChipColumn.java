package org.custodian.ui.common;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** A table column that shows each row's value as a chip (a status, a severity): one chip per cell, reused. */
public final class ChipColumn {

    private ChipColumn() {
    }

    public static <S, T, C extends Label> TableColumn<S, T> of(String title, Function<S, T> value, Supplier<C> chip,
                                                             BiConsumer<C, T> show) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            private final C label = chip.get();

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                show.accept(label, item);
                setGraphic(label);
            }
        });
        return column;
    }
}
