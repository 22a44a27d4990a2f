package org.custodian.ui.classification;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.custodian.logic.classification.SchemeFile;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Lays out the classification scheme page: the levels, lowest first, with their markings and handling rules. */
public final class SchemePage implements PageView {

    private final SchemePageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();

    public SchemePage(PageContext context) {
        this.model = new SchemePageModel(context);
        this.i18n = context.i18n();
        Button load = new Button(i18n.tr("scheme.loadFile"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        load.setId("scheme-load");
        load.disableProperty().bind(model.writable.not());
        load.setOnAction(e -> model.loadFile());
        MenuButton bundled = new MenuButton(i18n.tr("scheme.bundled"));
        bundled.disableProperty().bind(model.writable.not());
        for (String id : SchemeFile.BUNDLED) {
            MenuItem item = new MenuItem(i18n.tr("scheme.bundled." + id));
            item.setOnAction(e -> model.loadBundled(id));
            bundled.getItems().add(item);
        }
        Label hint = new Label(i18n.tr("scheme.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox.setMargin(hint, new Insets(0, 16, 8, 16));
        root.setTop(new VBox(new PageHeader(i18n.tr("scheme.title"), model.title, bundled, load), hint));
        root.setCenter(table());
        root.setId("scheme-page");
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
        TableView<ClassificationLevel> table = new TableView<>(model.levels);
        table.setId("scheme-table");
        TableColumn<ClassificationLevel, ClassificationLevel> level = new TableColumn<>(i18n.tr("scheme.column.level"));
        level.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        level.setCellFactory(c -> new TableCell<>() {
            private final LevelChip chip = new LevelChip();

            @Override
            protected void updateItem(ClassificationLevel l, boolean empty) {
                super.updateItem(l, empty);
                if (empty || l == null) {
                    setGraphic(null);
                    return;
                }
                chip.show(l, l.code(), i18n.chinese());
                setGraphic(new HBox(chip));
            }
        });
        level.setPrefWidth(150);
        table.getColumns().add(level);
        table.getColumns().add(text("scheme.column.marking", ClassificationLevel::marking, 190));
        table.getColumns().add(text("scheme.column.encryption", l -> i18n.tr(l.rules().encryptionAtRest()
                ? "scheme.required" : "scheme.notRequired"), 120));
        table.getColumns().add(text("scheme.column.openData", l -> i18n.tr(l.rules().openDataAllowed()
                ? "scheme.allowed" : "scheme.notAllowed"), 110));
        table.getColumns().add(text("scheme.column.mechanisms", l -> HandlingText.mechanisms(l.rules(), i18n), 300));
        table.getColumns().add(text("scheme.column.classificationReview",
                l -> HandlingText.period(l.rules().classificationReview(), i18n), 150));
        table.getColumns().add(text("scheme.column.accessReview",
                l -> HandlingText.period(l.rules().accessReview(), i18n), 150));
        table.getColumns().add(text("scheme.column.downgrade", l -> i18n.tr(l.rules().downgradeNeedsApproval()
                ? "scheme.required" : "scheme.notRequired"), 150));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private TableColumn<ClassificationLevel, String> text(String key,
                                                          java.util.function.Function<ClassificationLevel, String> v,
                                                          double width) {
        TableColumn<ClassificationLevel, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(v.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
