package org.custodian.ui.trash;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.custodian.model.workbench.TrashItem;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Lays out the trash: what was deleted, by whom, when and why, with Restore and Purge…. */
public final class TrashPage implements PageView {

    private final TrashPageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<TrashItem> table = new TableView<>();

    public TrashPage(PageContext context) {
        this.model = new TrashPageModel(context);
        this.i18n = context.i18n();
        Button restore = new Button(i18n.tr("trash.restore"), new FontIcon(Material2OutlinedMZ.RESTORE));
        restore.setId("trash-restore");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.disableProperty().bind(model.selected.isNull().or(model.writable.not()));
        restore.setOnAction(e -> model.restore(model.selected.get()));
        Button purge = new Button(i18n.tr("trash.purge"), new FontIcon(Material2OutlinedAL.DELETE_FOREVER));
        purge.setId("trash-purge");
        purge.getStyleClass().add(Styles.DANGER);
        purge.disableProperty().bind(model.selected.isNull().or(model.writable.not()));
        purge.setOnAction(e -> model.purge(model.selected.get()));
        Label note = new Label(i18n.tr("trash.note"));
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setPadding(new javafx.geometry.Insets(0, 16, 8, 16));
        root.setTop(new VBox(new PageHeader(i18n.tr("trash.title"), model.countText, restore, purge), note));
        root.setCenter(new StackPane(table(), emptyState()));
        root.setId("trash-page");
        model.reload();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    private Node table() {
        // The audit log's way of writing a time: short, sortable, the same in both languages.
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
        table.getColumns().setAll(java.util.List.of(
                text("trash.column.deleted", t -> when.format(t.deletedAt()), 150),
                text("trash.column.kind", model::kindLabel, 110),
                text("trash.column.label", TrashItem::label, 280),
                text("trash.column.belongedTo", TrashItem::ownerLabel, 300),
                text("trash.column.by", TrashItem::deletedBy, 140)));
        table.getColumns().forEach(c -> c.setSortable(false)); // newest first is the order that matters
        table.setItems(model.rows);
        table.setId("trash-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(""));
        model.selected.bind(table.getSelectionModel().selectedItemProperty());
        return table;
    }

    private TableColumn<TrashItem, String> text(String key, Function<TrashItem, String> value, double width) {
        TableColumn<TrashItem, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 110));
        return c;
    }

    private Node emptyState() {
        return org.custodian.ui.common.EmptyState.of(Material2OutlinedAL.DELETE_OUTLINE, i18n.tr("trash.empty.title"),
                i18n.tr("trash.empty.hint"), Bindings.createBooleanBinding(
                        () -> model.loaded.get() && model.rows.isEmpty(), model.loaded, model.rows));
    }
}
