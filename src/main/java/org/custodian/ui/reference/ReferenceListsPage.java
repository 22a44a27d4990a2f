package org.custodian.ui.reference;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.custodian.logic.reference.ReferenceLists;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Lays out the reference lists page: header with search, list switcher, store-paged table, history drawer. */
public final class ReferenceListsPage implements PageView {

    private final ReferenceListsPageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final CustomTextField search = new CustomTextField();
    private final TableView<ReferenceEntry> table = new TableView<>();

    public ReferenceListsPage(PageContext context) {
        this.model = new ReferenceListsPageModel(context);
        this.i18n = context.i18n();

        search.setPromptText(i18n.tr("reference.search.prompt"));
        search.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        search.setPrefColumnCount(24);
        search.setId("reference-search");
        search.textProperty().bindBidirectional(model.filter);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
        VBox top = new VBox(new PageHeader(i18n.tr("reference.title"), model.countText, search), listSwitcher());
        root.setTop(top);
        root.setCenter(new StackPane(tableWithFooter(), emptyState(), noMatches()));
        root.setRight(drawer());
        root.setId("reference-page");
        model.reload();
    }

    private Node listSwitcher() {
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox();
        ReferenceList[] lists = ReferenceList.values();
        for (int i = 0; i < lists.length; i++) {
            ReferenceList l = lists[i];
            ToggleButton b = new ToggleButton(i18n.tr(l.labelKey()));
            b.setId("list-" + l.entityType());
            b.setToggleGroup(group);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == lists.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(model.list.get() == l);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true); // one list is always shown
                }
                model.list.set(l);
            });
            bar.getChildren().add(b);
        }
        bar.setPadding(new Insets(0, 16, 8, 16));
        return bar;
    }

    private Node tableWithFooter() {
        TableColumn<ReferenceEntry, String> code = column("reference.column.code", ReferenceLists.Sort.CODE, 160);
        code.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().code()));
        TableColumn<ReferenceEntry, String> en = column("reference.column.nameEn", ReferenceLists.Sort.NAME_EN, 380);
        en.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nameEn()));
        TableColumn<ReferenceEntry, String> tc = column("reference.column.nameTc", ReferenceLists.Sort.NAME_TC, 260);
        tc.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nameTc()));
        table.getColumns().setAll(java.util.List.of(code, en, tc));
        table.setItems(model.rows);
        table.setId("reference-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));
        // The store sorts: the table only reports which column the user clicked.
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<ReferenceEntry, ?> c = t.getSortOrder().get(0);
                model.sortBy((ReferenceLists.Sort) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        table.getSortOrder().add(code);
        model.selected.bind(table.getSelectionModel().selectedItemProperty());

        Label range = new Label();
        range.textProperty().bind(model.pageText);
        range.getStyleClass().add(Styles.TEXT_MUTED);
        Button previous = new Button(null, new FontIcon(Material2OutlinedMZ.NAVIGATE_BEFORE));
        previous.setAccessibleText(i18n.tr("table.previousPage"));
        previous.setTooltip(new javafx.scene.control.Tooltip(i18n.tr("table.previousPage")));
        previous.disableProperty().bind(model.hasPrevious.not());
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button(null, new FontIcon(Material2OutlinedMZ.NAVIGATE_NEXT));
        next.setAccessibleText(i18n.tr("table.nextPage"));
        next.setTooltip(new javafx.scene.control.Tooltip(i18n.tr("table.nextPage")));
        next.disableProperty().bind(model.hasNext.not());
        next.setOnAction(e -> model.nextPage());
        previous.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        next.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, spacer, range, previous, next);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(4, 16, 4, 16));
        VBox box = new VBox(table, footer);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.visibleProperty().bind(model.emptyList.not());
        return box;
    }

    private TableColumn<ReferenceEntry, String> column(String key, ReferenceLists.Sort sort, double width) {
        TableColumn<ReferenceEntry, String> c = new TableColumn<>(i18n.tr(key));
        c.setUserData(sort);
        c.setPrefWidth(width);
        return c;
    }

    private Node emptyState() {
        Label why = new Label(i18n.tr("reference.empty"));
        why.setWrapText(true);
        Button load = new Button(i18n.tr("workbench.empty.loadSample"), new FontIcon(Material2OutlinedAL.LIBRARY_ADD));
        load.getStyleClass().add(Styles.ACCENT);
        load.setOnAction(e -> model.loadSample());
        VBox box = new VBox(12, why, load);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(460);
        box.visibleProperty().bind(model.emptyList);
        return box;
    }

    private Node noMatches() {
        Label none = new Label();
        none.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.tr("reference.noMatches", model.filter.get()), model.filter));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.visibleProperty().bind(model.noMatches);
        none.setMouseTransparent(true);
        return none;
    }

    private Node drawer() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        Label code = new Label();
        code.getStyleClass().add(Styles.TEXT_MUTED);
        Label tc = new Label();
        tc.setWrapText(true);
        model.selected.addListener((o, a, e) -> {
            title.setText(e == null ? "" : e.nameEn() == null ? e.nameTc() : e.nameEn());
            tc.setText(e == null || e.nameEn() == null ? "" : e.nameTc());
            code.setText(e == null ? "" : e.code());
        });
        Label historyTitle = new Label(i18n.tr("reference.history"));
        historyTitle.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<AuditEvent> history = new ListView<>(model.history);
        history.setId("reference-history");
        history.setFixedCellSize(52);
        history.setPlaceholder(new Label(i18n.tr("reference.history.none")));
        DateTimeFormatter whenFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        history.setCellFactory(v -> new ListCell<>() {
            private final Label what = new Label();
            private final Label when = new Label();
            private final VBox box = new VBox(2, what, when);

            {
                what.getStyleClass().add(Styles.TEXT_BOLD);
                when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                // One line each, cut with an ellipsis; the tooltip holds the whole event.
                box.maxWidthProperty().bind(history.widthProperty().subtract(28));
            }

            @Override
            protected void updateItem(AuditEvent ev, boolean empty) {
                super.updateItem(ev, empty);
                if (empty || ev == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                what.setText("#" + ev.sequence() + " · " + i18n.tr("audit.action." + ev.action()));
                when.setText(i18n.tr("reference.history.event", whenFormat.format(ev.occurredAt()), ev.actor())
                        + (ev.reason() == null ? "" : "\n" + ev.reason()));
                setGraphic(box);
                setTooltip(new javafx.scene.control.Tooltip(what.getText() + "\n" + when.getText()));
            }
        });
        Button close = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText(i18n.tr("drawer.close"));
        close.setTooltip(new javafx.scene.control.Tooltip(i18n.tr("drawer.close")));
        close.setOnAction(e -> table.getSelectionModel().clearSelection());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox drawer = new VBox(8, new HBox(spacer, close), title, tc, code, historyTitle,
                org.custodian.ui.common.HistoryList.auditLogLink("reference-history", i18n, model::openInAuditLog),
                history);
        VBox.setVgrow(history, Priority.ALWAYS);
        drawer.setPadding(new Insets(8, 16, 16, 16));
        drawer.setPrefWidth(320);
        drawer.getStyleClass().add("detail-drawer");
        drawer.visibleProperty().bind(model.selected.isNotNull());
        drawer.managedProperty().bind(drawer.visibleProperty());
        return drawer;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    @Override
    public void closeDrawer() {
        table.getSelectionModel().clearSelection();
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
