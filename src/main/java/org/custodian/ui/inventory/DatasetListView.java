package org.custodian.ui.inventory;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.custodian.logic.inventory.DatasetExchange;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.inventory.FacetCount;
import org.custodian.model.inventory.LifecycleStatus;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.ui.classification.ClassificationPanel;
import org.custodian.ui.classification.ClassificationPanelModel;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.custodian.ui.common.TableLayout;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The dataset inventory page: header with search and actions, facets on the left, the store-paged table, and a
 * drawer with the editor (one dataset) or the bulk edit (several).
 */
public final class DatasetListView implements PageView {

    private static final int FACET_SHOWN = 8;

    private final PageContext context;
    private final DatasetListViewModel model;
    private final DatasetEditorModel editorModel;
    private final ClassificationPanelModel classificationModel;
    private final DatasetExchangeModel exchange;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final CustomTextField search = new CustomTextField();
    private final TableView<Dataset> table = new TableView<>();
    private final VBox facetBox = new VBox(2);
    private final DatasetEditor editor;
    private final VBox bulkPanel = new VBox(8);
    private final StackPane drawer = new StackPane();
    private final BorderPane content = new BorderPane();
    // The import review lies over the table in the same place; both stay in the scene, so switching between
    // them is a visibility change, not a re-styling of the whole table.
    private final StackPane reviewHolder = new StackPane();
    private final StackPane centre = new StackPane(content, reviewHolder);
    private boolean maximised;
    private final javafx.beans.value.ChangeListener<Object> onSessionChange = (o, a, b) -> sessionReplaced();
    private final javafx.beans.value.WeakChangeListener<Object> weakSessionChange =
            new javafx.beans.value.WeakChangeListener<>(onSessionChange);
    private boolean revertingSelection;
    private final javafx.beans.value.ChangeListener<org.custodian.ui.common.RecordLink> onRecordRequest =
            (o, a, link) -> takeRecordRequest();
    private final javafx.beans.value.WeakChangeListener<org.custodian.ui.common.RecordLink> weakRecordRequest =
            new javafx.beans.value.WeakChangeListener<>(onRecordRequest);

    private final javafx.beans.value.ChangeListener<org.custodian.ui.common.ListRequest> onListRequest =
            (o, a, r) -> takeListRequest();
    private final javafx.beans.value.WeakChangeListener<org.custodian.ui.common.ListRequest> weakListRequest =
            new javafx.beans.value.WeakChangeListener<>(onListRequest);
    private final Label filterText = new Label();

    public DatasetListView(PageContext context) {
        this.context = context;
        this.model = new DatasetListViewModel(context);
        this.editorModel = new DatasetEditorModel(context);
        this.exchange = new DatasetExchangeModel(context, model::query);
        this.i18n = context.i18n();
        this.classificationModel = new ClassificationPanelModel(context, this::levelChanged);
        org.custodian.ui.sharing.CoveringAgreementsPanel agreements =
                new org.custodian.ui.sharing.CoveringAgreementsPanel(context);
        this.editor = new DatasetEditor(editorModel, i18n, new ClassificationPanel(classificationModel, i18n),
                agreements);
        editorModel.original.addListener((o, was, d) -> {
            if (d == null || was == null || !was.id().equals(d.id())) {
                classificationModel.show(d == null ? null : d.id(), d == null ? null : d.code() + " · "
                        + (i18n.chinese() && d.titleTc() != null ? d.titleTc() : d.title()));
                agreements.show(d == null ? null : d.id(), d == null ? null : d.code());
            }
        });
        context.recordRequestProperty().addListener(weakRecordRequest);
        context.listRequestProperty().addListener(weakListRequest);

        search.setPromptText(i18n.tr("datasets.search.prompt"));
        search.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        search.setPrefColumnCount(26);
        search.setId("dataset-search");
        search.setAccessibleText(i18n.tr("datasets.search.prompt"));
        search.textProperty().bindBidirectional(model.search);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().clearAndSelect(0);
                table.getFocusModel().focus(0);
            }
        });

        Button report = new Button(i18n.tr("datasets.report"), new FontIcon(Material2OutlinedMZ.PRINT));
        report.setId("datasets-report");
        report.setOnAction(e -> report());
        root.setTop(new PageHeader(i18n.tr("datasets.title"), model.countText, search, newButton(), importButton(),
                report, moreMenu()));
        content.setCenter(new StackPane(tableWithFooter(), emptyState(), noMatches()));
        content.setTop(filterLine());
        content.setLeft(facetPanel());
        // Built now, hidden: showing a dry run's report must not make the window build and style a table.
        reviewHolder.getChildren().add(reviewPane());
        reviewHolder.setVisible(false);
        root.setCenter(centre);
        buildDrawer();
        root.setRight(drawer);
        root.setId("datasets-page");

        model.lookups.addListener((o, before, l) -> {
            // Only what changed: an import that added one format must not rebuild the pickers and every cell.
            if (!before.departmentList().equals(l.departmentList()) || !before.categoryList().equals(l.categoryList())
                    || !before.levelList().equals(l.levelList())) {
                editor.setLists(l.departmentList(), l.categoryList(), l.levelList());
                editorModel.setLevels(l.levelList());
                if (before.levelList().isEmpty()) {
                    table.refresh(); // the first names for the codes on show; later, reloaded rows bring their own
                }
                rebuildFacets();
            }
            editorModel.referencesChanged();
        });
        model.facets.addListener((ListChangeListener<FacetCount>) c -> rebuildFacets());
        model.filters.addListener((javafx.collections.MapChangeListener<DatasetFacet, java.util.Set<String>>) c ->
                rebuildFacets());
        // Another workbench: the form's record belongs to the old one (the shell asked about unsaved text).
        context.sessionProperty().addListener(weakSessionChange);
        takeRecordRequest();
        takeListRequest();
        exchange.pending.addListener((o, a, p) -> showReview(p));
        model.start();
    }

    // --- header -------------------------------------------------------------------------------------------

    private Node newButton() {
        Button b = new Button(i18n.tr("datasets.new"), new FontIcon(Material2OutlinedAL.ADD));
        b.getStyleClass().add(Styles.ACCENT);
        b.setId("dataset-new");
        b.setTooltip(new Tooltip(i18n.tr("datasets.new") + " (Ctrl+N)"));
        b.disableProperty().bind(model.writable.not());
        b.setOnAction(e -> newDataset(null));
        return b;
    }

    private Node importButton() {
        Button b = new Button(i18n.tr("datasets.import"), new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
        b.setId("dataset-import");
        b.setTooltip(new Tooltip(i18n.tr("datasets.import.tooltip")));
        b.disableProperty().bind(model.writable.not());
        b.setOnAction(e -> exchange.chooseAndImport(DatasetExchangeModel.Source.CSV_OR_JSON));
        return b;
    }

    private Node moreMenu() {
        MenuButton more = new MenuButton(null, new FontIcon(Material2OutlinedMZ.MORE_HORIZ));
        more.getStyleClass().addAll(Styles.BUTTON_ICON, Tweaks.NO_ARROW);
        more.setAccessibleText(i18n.tr("datasets.more"));
        more.setTooltip(new Tooltip(i18n.tr("datasets.more")));
        more.setId("dataset-more");
        MenuItem csv = new MenuItem(i18n.tr("datasets.export.asCsv"), new FontIcon(Material2OutlinedAL.GET_APP));
        csv.setOnAction(e -> exchange.chooseAndExport(DatasetExchange.Format.CSV));
        MenuItem json = new MenuItem(i18n.tr("datasets.export.asJson"));
        json.setOnAction(e -> exchange.chooseAndExport(DatasetExchange.Format.JSON));
        MenuItem dcat = new MenuItem(i18n.tr("datasets.export.asDcat"));
        dcat.setOnAction(e -> exchange.chooseAndExport(DatasetExchange.Format.DCAT));
        MenuItem ckan = new MenuItem(i18n.tr("datasets.import.ckan"), new FontIcon(Material2OutlinedAL.CLOUD_DOWNLOAD));
        ckan.setOnAction(e -> exchange.chooseAndImport(DatasetExchangeModel.Source.CKAN));
        ckan.disableProperty().bind(model.writable.not());
        MenuItem clear = new MenuItem(i18n.tr("datasets.clearFilters"), new FontIcon(Material2OutlinedAL.FILTER_LIST));
        clear.setOnAction(e -> model.clearFilters());
        more.getItems().addAll(csv, json, dcat, new SeparatorMenuItem(), ckan, new SeparatorMenuItem(), clear);
        return more;
    }

    // --- facets -------------------------------------------------------------------------------------------

    private Node facetPanel() {
        facetBox.setPadding(new Insets(4, 12, 12, 16));
        ScrollPane scroll = new ScrollPane(facetBox);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(240);
        scroll.setMinWidth(200);
        scroll.getStyleClass().addAll("facet-panel", Tweaks.EDGE_TO_EDGE);
        scroll.setId("dataset-facets");
        // The drawer needs the room: facets step aside while it is open.
        scroll.visibleProperty().bind(model.emptyInventory.not().and(drawer.visibleProperty().not()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        return scroll;
    }

    private final java.util.Set<DatasetFacet> expanded = java.util.EnumSet.noneOf(DatasetFacet.class);

    /** One line of a facet: a tick box with the value's name, and its count. Kept and reused between updates. */
    private static final class FacetLine {
        final CheckBox box = new CheckBox();
        final Label count = new Label();
        final HBox line = new HBox(6, box, count);

        FacetLine() {
            box.setMnemonicParsing(false);
            box.setWrapText(true);
            box.setMaxWidth(Double.MAX_VALUE);
            count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(box, Priority.ALWAYS);
            line.setAlignment(Pos.CENTER_LEFT);
        }
    }

    private final java.util.Map<DatasetFacet, Label> facetTitles = new java.util.EnumMap<>(DatasetFacet.class);
    private final java.util.Map<DatasetFacet, Hyperlink> facetToggles = new java.util.EnumMap<>(DatasetFacet.class);
    private final java.util.Map<DatasetFacet, List<FacetLine>> facetLines = new java.util.EnumMap<>(DatasetFacet.class);

    /**
     * Shows the facet counts. The nodes are reused in place: counts change after every search and import, and
     * new nodes would be styled and laid out afresh on the FX thread each time.
     */
    private void rebuildFacets() {
        List<Node> children = new java.util.ArrayList<>();
        for (DatasetFacet facet : DatasetFacet.values()) {
            List<FacetCount> counts = model.facet(facet);
            if (counts.isEmpty()) {
                continue;
            }
            children.add(facetTitles.computeIfAbsent(facet, f -> {
                Label title = new Label(i18n.tr(f.labelKey()));
                title.getStyleClass().add("facet-title");
                return title;
            }));
            List<FacetLine> pool = facetLines.computeIfAbsent(facet, f -> new java.util.ArrayList<>());
            int shown = 0;
            for (FacetCount c : counts) {
                boolean chosen = model.isFiltered(facet, c.value());
                if (shown >= FACET_SHOWN && !expanded.contains(facet) && !chosen) {
                    continue;
                }
                if (pool.size() == shown) {
                    pool.add(new FacetLine());
                }
                FacetLine line = pool.get(shown);
                line.box.setText(facetLabel(facet, c.value()));
                line.box.setSelected(chosen);
                line.box.setId("facet-" + facet.name().toLowerCase(java.util.Locale.ROOT) + "-"
                        + (c.value().isEmpty() ? "none" : c.value()));
                line.box.setOnAction(e -> model.toggleFacet(facet, c.value(), line.box.isSelected()));
                line.count.setText(String.format(i18n.locale(), "%,d", c.count()));
                children.add(line.line);
                shown++;
            }
            if (counts.size() > FACET_SHOWN) {
                Hyperlink toggle = facetToggles.computeIfAbsent(facet, f -> {
                    Hyperlink link = new Hyperlink();
                    link.setOnAction(e -> {
                        if (!expanded.remove(f)) {
                            expanded.add(f);
                        }
                        rebuildFacets();
                    });
                    return link;
                });
                toggle.setText(expanded.contains(facet) ? i18n.tr("datasets.facet.fewer")
                        : i18n.tr("datasets.facet.all", counts.size()));
                children.add(toggle);
            }
        }
        if (!children.equals(facetBox.getChildren())) {
            facetBox.getChildren().setAll(children);
        }
    }

    private String facetLabel(DatasetFacet facet, String value) {
        if (value == null || value.isEmpty()) {
            return i18n.tr("datasets.facet.none");
        }
        var l = model.lookups.get();
        return switch (facet) {
            case DEPARTMENT -> orCode(l.name(l.departments().get(value.toLowerCase(java.util.Locale.ROOT)),
                    i18n.chinese()), value);
            case CATEGORY -> orCode(l.name(l.categories().get(value.toLowerCase(java.util.Locale.ROOT)),
                    i18n.chinese()), value);
            case CLASSIFICATION -> levelName(value);
            case PERSONAL_DATA -> coded(PersonalData.class, value);
            case OPEN_DATA_STATUS -> coded(OpenDataStatus.class, value);
            case LIFECYCLE_STATUS -> coded(LifecycleStatus.class, value);
        };
    }

    private static String orCode(String name, String code) {
        return name == null ? code : name;
    }

    private String levelName(String code) {
        if (code == null) {
            return "";
        }
        ClassificationLevel l = model.lookups.get().levels().get(code.toUpperCase(java.util.Locale.ROOT));
        return l == null ? code : i18n.chinese() ? l.nameTc() : l.nameEn();
    }

    private <E extends Enum<E> & CodedValue> String coded(Class<E> type, String code) {
        E e = CodedValue.parse(type, code);
        return e == null ? code : i18n.tr(e.labelKey());
    }

    // --- table --------------------------------------------------------------------------------------------

    private Node tableWithFooter() {
        boolean zh = i18n.chinese();
        var l = model.lookups;
        table.getColumns().setAll(List.of(
                column("code", "dataset.field.code", DatasetSort.CODE, 170, Dataset::code),
                column("title_en", "dataset.field.title_en", DatasetSort.TITLE_EN, 300, Dataset::titleEn),
                column("title_tc", "dataset.field.title_tc", DatasetSort.TITLE_TC, 200, Dataset::titleTc),
                column("department", "dataset.field.department", zh ? DatasetSort.DEPARTMENT_TC : DatasetSort.DEPARTMENT, 220,
                        d -> orCode(l.get().name(l.get().departments().get(lower(d.department())), zh), d.department())),
                column("category", "dataset.field.category", zh ? DatasetSort.CATEGORY_TC : DatasetSort.CATEGORY, 170,
                        d -> d.category() == null ? null : orCode(l.get().name(l.get().categories().get(
                                lower(d.category())), zh), d.category())),
                levelColumn(),
                column("personal_data", "dataset.column.personalData", DatasetSort.PERSONAL_DATA, 110,
                        d -> i18n.tr(d.personalData().labelKey())),
                column("encryption_at_rest", "dataset.column.encryptionAtRest", DatasetSort.ENCRYPTION_AT_REST, 110,
                        d -> i18n.tr(d.encryptionAtRest().labelKey())),
                column("open_data", "dataset.field.open_data_status", DatasetSort.OPEN_DATA_STATUS, 120,
                        d -> i18n.tr(d.openDataStatus().labelKey())),
                column("lifecycle", "dataset.field.lifecycle_status", DatasetSort.LIFECYCLE_STATUS, 110,
                        d -> i18n.tr(d.lifecycleStatus().labelKey())),
                column("custodian", "dataset.field.custodian", DatasetSort.CUSTODIAN, 200, Dataset::custodian),
                column("last_updated", "dataset.field.last_updated", DatasetSort.LAST_UPDATED, 110,
                        d -> d.lastUpdated() == null ? null : d.lastUpdated().toString()),
                column("updated_at", "dataset.column.updatedAt", DatasetSort.UPDATED_AT, 150,
                        d -> UPDATED.withLocale(i18n.locale()).format(d.updatedAt()))));
        for (TableColumn<Dataset, ?> c : table.getColumns()) {
            if (List.of("title_tc", "custodian", "encryption_at_rest", "updated_at").contains(c.getId()) && !zh
                    || List.of("title_en", "custodian", "encryption_at_rest", "updated_at").contains(c.getId()) && zh) {
                c.setVisible(false);
            }
        }
        table.setItems(model.rows);
        table.setId("dataset-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        table.setTableMenuButtonVisible(true); // the column chooser
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(""));
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<Dataset, ?> c = t.getSortOrder().get(0);
                model.sortBy((DatasetSort) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        table.getSortOrder().add(table.getColumns().get(0));
        TableLayout.remember(table, "datasets", context);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Dataset>) c -> selectionChanged());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItems().size() == 1) {
                openDrawer();
                editor.focusFirstField();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<Dataset> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    editor.focusFirstField();
                }
            });
            return row;
        });
        table.setContextMenu(contextMenu());
        model.rows.addListener((ListChangeListener<Dataset>) c -> reselect());

        Label range = new Label();
        range.textProperty().bind(model.pageText);
        range.getStyleClass().add(Styles.TEXT_MUTED);
        Label selected = new Label();
        selected.textProperty().bind(Bindings.createStringBinding(() -> model.selection.size() < 2 ? ""
                : i18n.tr("datasets.selected", model.selection.size()), model.selection));
        Button first = pagerButton(Material2OutlinedAL.FIRST_PAGE, "table.firstPage", () -> model.pageIndex.set(0));
        first.disableProperty().bind(model.hasPrevious.not());
        Button previous = pagerButton(Material2OutlinedMZ.NAVIGATE_BEFORE, "table.previousPage", model::previousPage);
        previous.disableProperty().bind(model.hasPrevious.not());
        Button next = pagerButton(Material2OutlinedMZ.NAVIGATE_NEXT, "table.nextPage", model::nextPage);
        next.disableProperty().bind(model.hasNext.not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, selected, spacer, range, first, previous, next);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(4, 16, 4, 16));
        VBox box = new VBox(table, footer);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.visibleProperty().bind(model.emptyInventory.not());
        return box;
    }

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    private Button pagerButton(org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setAccessibleText(i18n.tr(key));
        b.setTooltip(new Tooltip(i18n.tr(key)));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setOnAction(e -> action.run());
        return b;
    }

    private TableColumn<Dataset, String> column(String id, String key, DatasetSort sort, double width,
                                                Function<Dataset, String> value) {
        TableColumn<Dataset, String> c = new TableColumn<>(i18n.tr(key));
        c.setId(id);
        c.setUserData(sort);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private TableColumn<Dataset, String> levelColumn() {
        TableColumn<Dataset, String> c = column("classification", "dataset.field.classification",
                DatasetSort.CLASSIFICATION, 130, Dataset::classification);
        c.setCellFactory(col -> new TableCell<>() {
            private final LevelChip chip = new LevelChip();

            @Override
            protected void updateItem(String code, boolean empty) {
                super.updateItem(code, empty);
                setText(null);
                if (empty || code == null) {
                    setGraphic(null);
                } else {
                    chip.show(model.lookups.get().levels().get(code.toUpperCase(java.util.Locale.ROOT)), code,
                            i18n.chinese());
                    setGraphic(chip);
                }
            }
        });
        return c;
    }

    private ContextMenu contextMenu() {
        MenuItem open = new MenuItem(i18n.tr("datasets.open"));
        open.setOnAction(e -> {
            openDrawer();
            editor.focusFirstField();
        });
        open.disableProperty().bind(Bindings.size(model.selection).isNotEqualTo(1));
        MenuItem duplicate = new MenuItem(i18n.tr("dataset.duplicate"), new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        duplicate.setOnAction(e -> newDataset(model.selection.get(0)));
        duplicate.disableProperty().bind(Bindings.size(model.selection).isNotEqualTo(1).or(model.writable.not()));
        MenuItem retire = new MenuItem();
        retire.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("datasets.retire.menu",
                model.selection.size()), model.selection));
        retire.setOnAction(e -> model.retireSelection());
        retire.disableProperty().bind(Bindings.isEmpty(model.selection).or(model.writable.not()));
        MenuItem export = new MenuItem(i18n.tr("datasets.export.asCsv"));
        export.setOnAction(e -> exchange.chooseAndExport(DatasetExchange.Format.CSV));
        return new ContextMenu(open, duplicate, retire, new SeparatorMenuItem(), export);
    }

    private Node emptyState() {
        Label why = new Label(i18n.tr("datasets.empty"));
        why.setWrapText(true);
        Button importCsv = new Button(i18n.tr("datasets.empty.import"), new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
        importCsv.getStyleClass().add(Styles.ACCENT);
        importCsv.setOnAction(e -> exchange.chooseAndImport(DatasetExchangeModel.Source.CSV_OR_JSON));
        importCsv.disableProperty().bind(model.writable.not());
        Button sample = new Button(i18n.tr("workbench.empty.loadSample"), new FontIcon(Material2OutlinedAL.LIBRARY_ADD));
        sample.setOnAction(e -> model.loadSample());
        sample.disableProperty().bind(model.writable.not());
        HBox buttons = new HBox(8, importCsv, sample);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, why, buttons);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(480);
        box.visibleProperty().bind(model.emptyInventory);
        box.setId("datasets-empty");
        return box;
    }

    private Node noMatches() {
        Label none = new Label(i18n.tr("datasets.noMatches"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        Button clear = new Button(i18n.tr("datasets.clearFilters"));
        clear.setOnAction(e -> model.clearFilters());
        VBox box = new VBox(8, none, clear);
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.noMatches);
        box.setPickOnBounds(false);
        return box;
    }

    // --- import review ------------------------------------------------------------------------------------

    /** The dry run's report in place of the table: import, save the rejected rows, or cancel. */
    private void showReview(DatasetExchangeModel.PendingImport pending) {
        if (pending == null) {
            reviewHolder.setVisible(false);
            reviewRows.getItems().clear();
            content.setVisible(true);
            return;
        }
        reviewSummary.setText(pending.summary());
        reviewRows.getItems().setAll(pending.reviewed().rows());
        reviewRows.scrollTo(0);
        reviewConfirm.setText(i18n.tr("datasets.import.confirm", pending.accepted()));
        reviewConfirm.setVisible(pending.canImport());
        reviewConfirm.setManaged(pending.canImport());
        reviewSaveRejected.setText(i18n.tr("datasets.import.saveRejected", pending.rejected()));
        reviewSaveRejected.setVisible(pending.rejected() > 0);
        reviewSaveRejected.setManaged(pending.rejected() > 0);
        reviewHolder.setVisible(true);
        content.setVisible(false);
        reviewConfirm.requestFocus();
    }

    private final Label reviewSummary = new Label();
    private final TableView<List<String>> reviewRows = new TableView<>();
    private final Button reviewConfirm = new Button();
    private final Button reviewSaveRejected = new Button();

    /** Built once with the page; a review only changes its texts and rows. */
    private Node reviewPane() {
        Label title = new Label(i18n.tr("datasets.import.review.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        reviewSummary.setWrapText(true);
        String[] headers = {"datasets.import.column.line", "datasets.import.column.code",
                "datasets.import.column.outcome", "datasets.import.column.title", "datasets.import.column.details"};
        double[] widths = {70, 150, 100, 300, 480};
        for (int i = 0; i < headers.length; i++) {
            int column = i;
            TableColumn<List<String>, String> c = new TableColumn<>(i18n.tr(headers[i]));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(column)));
            c.setSortable(false);
            c.setPrefWidth(widths[i]);
            reviewRows.getColumns().add(c);
        }
        reviewRows.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        reviewRows.setId("import-review-table");
        reviewConfirm.getStyleClass().add(Styles.ACCENT);
        reviewConfirm.setId("import-confirm");
        reviewConfirm.setOnAction(e -> exchange.confirmImport());
        reviewSaveRejected.setOnAction(e -> exchange.saveRejectedRows());
        Button cancel = new Button(i18n.tr("dialog.cancel"));
        cancel.cancelButtonProperty().bind(reviewHolder.visibleProperty()); // Esc cancels only a review on show
        cancel.setOnAction(e -> exchange.cancelReview());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, reviewConfirm, reviewSaveRejected, spacer, cancel);
        VBox pane = new VBox(10, title, reviewSummary, reviewRows, buttons);
        VBox.setVgrow(reviewRows, Priority.ALWAYS);
        pane.setPadding(new Insets(12, 16, 12, 16));
        pane.setId("import-review");
        pane.getStyleClass().add("import-review");
        return pane;
    }

    // --- drawer -------------------------------------------------------------------------------------------

    private void buildDrawer() {
        editor.close.setOnAction(e -> closeDrawer());
        editor.maximise.setOnAction(e -> setMaximised(!maximised));
        editor.duplicate.setOnAction(e -> newDataset(editorModel.original.get()));
        editor.retire.setOnAction(e -> {
            Dataset d = editorModel.original.get();
            if (d != null) {
                model.retire(List.of(d.id()));
            }
        });
        editor.visibleProperty().bind(editorModel.open);
        bulkPanel();
        drawer.getChildren().addAll(editor, bulkPanel);
        drawer.getStyleClass().add("detail-drawer");
        drawer.setPrefWidth(460);
        drawer.setMinWidth(380);
        drawer.visibleProperty().bind(editorModel.open.or(bulkPanel.visibleProperty()));
        drawer.managedProperty().bind(drawer.visibleProperty());
    }

    private void bulkPanel() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("datasets.bulk.title",
                model.selection.size()), model.selection));
        Label hint = new Label(i18n.tr("datasets.bulk.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        TextField custodian = new TextField();
        custodian.textProperty().bindBidirectional(model.bulkCustodian);
        custodian.setPromptText(i18n.tr("datasets.bulk.keep"));
        ComboBox<String> category = keepOr(model.bulkCategory, Bindings.createObjectBinding(() ->
                model.lookups.get().categoryList().stream().map(ReferenceEntry::code).toList(), model.lookups), code -> {
                    var l = model.lookups.get();
                    return orCode(l.name(l.categories().get(lower(code)), i18n.chinese()), code);
                });
        ComboBox<String> openData = keepOr(model.bulkOpenData, codes(OpenDataStatus.class),
                c -> coded(OpenDataStatus.class, c));
        ComboBox<String> lifecycle = keepOr(model.bulkLifecycle, codes(LifecycleStatus.class),
                c -> coded(LifecycleStatus.class, c));
        TextField reason = new TextField();
        reason.textProperty().bindBidirectional(model.bulkReason);
        reason.setPromptText(i18n.tr("datasets.bulk.reasonPrompt"));
        Button apply = new Button();
        apply.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("datasets.bulk.apply",
                model.selection.size()), model.selection));
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setId("bulk-apply");
        apply.disableProperty().bind(Bindings.createBooleanBinding(() -> model.bulkChanges().isEmpty()
                        || !model.writable.get(), model.bulkCustodian, model.bulkCategory, model.bulkOpenData,
                model.bulkLifecycle, model.writable));
        apply.setOnAction(e -> model.applyBulkEdit());
        Button retire = new Button();
        retire.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("datasets.retire.menu",
                model.selection.size()), model.selection));
        retire.getStyleClass().add(Styles.DANGER);
        retire.disableProperty().bind(model.writable.not());
        retire.setOnAction(e -> model.retireSelection());
        Button close = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText(i18n.tr("drawer.close"));
        close.setOnAction(e -> closeDrawer());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bulkPanel.getChildren().addAll(new HBox(spacer, close), title, hint,
                labelled("dataset.field.custodian", custodian), labelled("dataset.field.category", category),
                labelled("dataset.field.open_data_status", openData),
                labelled("dataset.field.lifecycle_status", lifecycle), labelled("datasets.bulk.reason", reason),
                new HBox(8, apply, retire));
        bulkPanel.setPadding(new Insets(8, 16, 16, 16));
        bulkPanel.setId("bulk-edit");
        bulkPanel.setVisible(false);
    }

    private static <E extends Enum<E> & CodedValue> javafx.beans.value.ObservableValue<List<String>> codes(Class<E> type) {
        List<String> codes = java.util.Arrays.stream(type.getEnumConstants()).map(CodedValue::code).toList();
        return new javafx.beans.property.SimpleObjectProperty<>(codes);
    }

    /** A picker whose first choice keeps each record's own value. */
    private ComboBox<String> keepOr(javafx.beans.property.ObjectProperty<String> target,
                                    javafx.beans.value.ObservableValue<List<String>> values,
                                    Function<String, String> names) {
        ComboBox<String> box = new ComboBox<>();
        Runnable fill = () -> {
            List<String> items = new java.util.ArrayList<>();
            items.add("");
            items.addAll(values.getValue());
            box.getItems().setAll(items);
        };
        fill.run();
        values.addListener((o, a, b) -> fill.run());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isEmpty() ? i18n.tr("datasets.bulk.keep") : names.apply(code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setValue("");
        box.valueProperty().addListener((o, a, v) -> target.set(v == null || v.isEmpty() ? null : v));
        target.addListener((o, a, v) -> {
            if (v == null && box.getValue() != null && !box.getValue().isEmpty()) {
                box.setValue("");
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private Node labelled(String key, javafx.scene.control.Control control) {
        Label label = new Label(i18n.tr(key));
        label.setLabelFor(control);
        control.setAccessibleText(label.getText());
        control.setMaxWidth(Double.MAX_VALUE);
        return new VBox(3, label, control);
    }

    /** After a reload, selects the same datasets again (fresh copies) and refreshes the editor if untouched. */
    private void reselect() {
        java.util.Set<java.util.UUID> ids = new java.util.HashSet<>();
        model.selection.forEach(d -> ids.add(d.id()));
        if (ids.isEmpty()) {
            return;
        }
        revertingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < model.rows.size(); i++) {
                if (ids.contains(model.rows.get(i).id())) {
                    table.getSelectionModel().select(i);
                }
            }
        } finally {
            revertingSelection = false;
        }
        List<Dataset> now = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (now.isEmpty()) {
            // The records left this page: the editor keeps what it shows; a bulk edit has nothing left to edit.
            if (bulkPanel.isVisible()) {
                model.selection.clear();
                bulkPanel.setVisible(false);
            }
            return;
        }
        model.selection.setAll(now);
        bulkPanel.setVisible(now.size() > 1);
        Dataset editing = editorModel.original.get();
        if (now.size() == 1 && editorModel.open.get() && !editorModel.dirty.get() && editing != null
                && editing.id().equals(now.get(0).id()) && !editing.equals(now.get(0))) {
            editorModel.edit(now.get(0));
        }
    }

    private void selectionChanged() {
        if (revertingSelection || model.replacingRows()) {
            return;
        }
        List<Dataset> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (editorModel.dirty.get() && !(chosen.size() == 1 && chosen.get(0).equals(editorModel.original.get()))) {
            Dataset editing = editorModel.original.get();
            var answer = context.dialogs().choose(i18n.tr("dataset.unsaved.title"),
                    i18n.tr("dataset.unsaved", editing == null ? i18n.tr("dataset.new") : editing.code()),
                    List.of(i18n.tr("dataset.unsaved.discard")));
            if (answer.isEmpty()) {
                // Keep the edit: put the selection back without asking again.
                revertingSelection = true;
                javafx.application.Platform.runLater(() -> {
                    table.getSelectionModel().clearSelection();
                    if (editing != null) {
                        table.getSelectionModel().select(editing);
                    }
                    revertingSelection = false;
                });
                return;
            }
        }
        model.selection.setAll(chosen);
        bulkPanel.setVisible(chosen.size() > 1);
        if (chosen.size() == 1) {
            editorModel.edit(chosen.get(0));
        } else {
            editorModel.close();
        }
    }

    /** Shows the datasets another page asked for (a dashboard tile): its filters in place of the ones chosen before. */
    private void takeListRequest() {
        if (!(context.listRequestProperty().get() instanceof org.custodian.ui.common.ListRequest.Datasets r)) {
            return;
        }
        context.listRequestHandled();
        model.apply(r.filters());
    }

    /**
     * The filters in force in words, over the table, with a way to clear them: a list opened from the dashboard says
     * what it shows even while the facets are scrolled away or hidden behind the drawer.
     */
    private Node filterLine() {
        filterText.setId("dataset-filter-text");
        filterText.setWrapText(true);
        filterText.getStyleClass().add(Styles.TEXT_SMALL);
        Hyperlink clear = new Hyperlink(i18n.tr("datasets.clearFilters"));
        clear.setId("dataset-filter-clear");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> model.clearFilters());
        FontIcon icon = new FontIcon(Material2OutlinedAL.FILTER_LIST);
        HBox line = new HBox(8, icon, filterText, clear);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(6, 16, 6, 16));
        line.getStyleClass().add("filter-line");
        Runnable update = () -> {
            List<String> parts = new java.util.ArrayList<>();
            if (!model.search.get().isBlank()) {
                parts.add("“" + model.search.get().strip() + "”");
            }
            for (DatasetFacet facet : DatasetFacet.values()) {
                java.util.Set<String> values = model.filters.getOrDefault(facet, java.util.Set.of());
                if (!values.isEmpty()) {
                    parts.add(i18n.tr(facet.labelKey()) + ": " + String.join(", ", values.stream().sorted()
                            .map(v -> facetLabel(facet, v)).toList()));
                }
            }
            filterText.setText(String.join(" · ", parts));
            line.setVisible(!parts.isEmpty());
            line.setManaged(!parts.isEmpty());
        };
        model.filters.addListener((javafx.collections.MapChangeListener<DatasetFacet, java.util.Set<String>>) c ->
                update.run());
        model.search.addListener((o, a, b) -> update.run());
        model.lookups.addListener((o, a, b) -> update.run());
        update.run();
        return line;
    }

    /** Opens the dataset another page asked for (a covered dataset of an agreement). */
    private void takeRecordRequest() {
        org.custodian.ui.common.RecordLink link = context.recordRequestProperty().get();
        if (link == null || !org.custodian.ui.common.RecordLink.DATASET.equals(link.entityType())) {
            return;
        }
        context.recordRequestHandled();
        var session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        context.runner().read(progress -> session.inventory().find(link.id()), found -> found.ifPresent(d -> {
            if (editorModel.dirty.get() && !context.dialogs().confirm(i18n.tr("dataset.unsaved.title"),
                    i18n.tr("dataset.unsaved", editorModel.original.get() == null ? i18n.tr("dataset.new")
                            : editorModel.original.get().code()), i18n.tr("dataset.unsaved.discard"))) {
                return;
            }
            editorModel.edit(d);
        }), failure -> { });
    }

    private void openDrawer() {
        if (model.selection.size() == 1 && !editorModel.open.get()) {
            editorModel.edit(model.selection.get(0));
        }
    }

    private void newDataset(Dataset from) {
        if (!model.writable.get()) {
            return;
        }
        if (editorModel.dirty.get() && !context.dialogs().confirm(i18n.tr("dataset.unsaved.title"),
                i18n.tr("dataset.unsaved", editorModel.original.get() == null ? i18n.tr("dataset.new")
                        : editorModel.original.get().code()), i18n.tr("dataset.unsaved.discard"))) {
            return;
        }
        revertingSelection = true;
        table.getSelectionModel().clearSelection();
        revertingSelection = false;
        model.selection.clear();
        bulkPanel.setVisible(false);
        editorModel.create(from);
        editor.focusFirstField();
    }

    private void setMaximised(boolean on) {
        maximised = on;
        if (on) {
            root.setCenter(null);
            root.setRight(null);
            root.setCenter(drawer);
            drawer.getStyleClass().add("drawer-maximised");
            editor.maximise.setGraphic(new FontIcon(Material2OutlinedAL.FULLSCREEN_EXIT));
        } else {
            root.setCenter(centre);
            root.setRight(drawer);
            drawer.getStyleClass().remove("drawer-maximised");
            editor.maximise.setGraphic(new FontIcon(Material2OutlinedAL.FULLSCREEN));
        }
    }

    private void sessionReplaced() {
        editorModel.close();
        exchange.cancelReview();
        model.selection.clear();
        bulkPanel.setVisible(false);
    }

    // --- PageView -----------------------------------------------------------------------------------------

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
        context.sessionProperty().removeListener(weakSessionChange);
        context.recordRequestProperty().removeListener(weakRecordRequest);
        context.listRequestProperty().removeListener(weakListRequest);
    }

    @Override
    public void closeDrawer() {
        if (editorModel.dirty.get() && !context.dialogs().confirm(i18n.tr("dataset.unsaved.title"),
                i18n.tr("dataset.unsaved", editorModel.original.get() == null ? i18n.tr("dataset.new")
                        : editorModel.original.get().code()), i18n.tr("dataset.unsaved.discard"))) {
            return;
        }
        setMaximised(false);
        revertingSelection = true;
        table.getSelectionModel().clearSelection();
        revertingSelection = false;
        model.selection.clear();
        bulkPanel.setVisible(false);
        editorModel.close();
    }

    @Override
    public boolean hasUnsavedChanges() {
        return editorModel.dirty.get();
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public boolean supports(Command command) {
        return true;
    }

    @Override
    public void run(Command command) {
        switch (command) {
            case NEW -> newDataset(null);
            case SAVE -> {
                if (editorModel.open.get() && model.writable.get()) {
                    editorModel.save();
                }
            }
            case IMPORT -> {
                if (model.writable.get()) {
                    exchange.chooseAndImport(DatasetExchangeModel.Source.CSV_OR_JSON);
                }
            }
            case EXPORT -> exchange.chooseAndExport(DatasetExchange.Format.CSV);
            case REPORT -> report();
            default -> { }
        }
    }

    /** The inventory register of what the list shows now: its search and filters, grouped by department. */
    private void report() {
        if (context.sessionProperty().get() == null) {
            return;
        }
        DatasetQuery q = model.query();
        DatasetQuery all = new DatasetQuery(q.text(), q.filters(), DatasetSort.DEPARTMENT, false, Integer.MAX_VALUE, 0);
        String filter = model.describeFilters();
        org.custodian.ui.report.ReportPreview.open(context, root, i18n.tr("datasets.reportTitle"), "inventory-register",
                (reports, options) -> reports.inventory(all, filter, options));
    }

    /** A decision changed the open dataset's level: show it in the editor without touching what is typed. */
    private void levelChanged() {
        Dataset open = editorModel.original.get();
        var session = context.sessionProperty().get();
        if (open == null || session == null) {
            return;
        }
        context.runner().read(progress -> session.inventory().find(open.id()), fresh ->
                fresh.ifPresent(editorModel::levelChanged), failure -> { });
    }
}
