package org.custodian.ui.sharing;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.sharing.AgreementSort;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.ui.common.DueBadge;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.custodian.ui.common.RecordLink;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Lays out the sharing agreements register: search and filters, the table (sorted and paged by SQLite), and the
 * agreement editor in a drawer on the right.
 */
public final class AgreementsPage implements PageView {

    private final PageContext context;
    private final AgreementsPageModel model;
    private final AgreementEditorModel editorModel;
    private final AgreementEditor editor;
    private final AgreementExchangeModel exchange;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final BorderPane content = new BorderPane();
    private final TableView<SharingAgreement> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();
    private final javafx.beans.value.ChangeListener<RecordLink> onRequest = (o, a, link) -> takeRequest();
    private final javafx.beans.value.WeakChangeListener<RecordLink> weakRequest =
            new javafx.beans.value.WeakChangeListener<>(onRequest);
    private final javafx.beans.value.ChangeListener<org.custodian.ui.common.ListRequest> onListRequest =
            (o, a, r) -> takeListRequest();
    private final javafx.beans.value.WeakChangeListener<org.custodian.ui.common.ListRequest> weakListRequest =
            new javafx.beans.value.WeakChangeListener<>(onListRequest);
    private boolean revertingSelection;
    // Another workbench opened: the drawer must not keep showing (or saving into) a record of the old one.
    private final javafx.beans.value.ChangeListener<Object> onSession = (o, a, b) -> sessionReplaced();
    private final javafx.beans.value.WeakChangeListener<Object> weakSession =
            new javafx.beans.value.WeakChangeListener<>(onSession);

    public AgreementsPage(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.model = new AgreementsPageModel(context);
        this.editorModel = new AgreementEditorModel(context);
        this.editor = new AgreementEditor(editorModel, i18n, () -> context.sessionProperty().get());
        this.exchange = new AgreementExchangeModel(context, () -> model.query(model.today.get()));

        search.setPromptText(i18n.tr("agreements.search.prompt"));
        search.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        search.setPrefColumnCount(20);
        search.setMinWidth(160);
        search.setId("agreement-search");
        search.setAccessibleText(i18n.tr("agreements.search.prompt"));
        search.textProperty().bindBidirectional(model.search);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().clearAndSelect(0);
            }
        });
        Button create = new Button(i18n.tr("agreements.new"), new FontIcon(Material2OutlinedAL.ADD));
        create.setId("agreement-new");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(model.writable.not());
        create.setOnAction(e -> newAgreement());
        Button importButton = new Button(i18n.tr("agreements.import"), new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
        importButton.setId("agreement-import");
        importButton.disableProperty().bind(model.writable.not());
        importButton.setOnAction(e -> exchange.importFile());
        MenuItem export = new MenuItem(i18n.tr("agreements.export"), new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        export.setOnAction(e -> exchange.export());
        MenuButton more = new MenuButton(null, new FontIcon(Material2OutlinedMZ.MORE_HORIZ), export);
        more.getStyleClass().add(Tweaks.NO_ARROW);
        more.setAccessibleText(i18n.tr("datasets.more"));
        more.setTooltip(new Tooltip(i18n.tr("datasets.more")));

        Button report = new Button(i18n.tr("agreements.report"), new FontIcon(Material2OutlinedMZ.PRINT));
        report.setId("agreements-report");
        report.setOnAction(e -> report());
        root.setTop(new VBox(new PageHeader(i18n.tr("agreements.title"), model.countText, search, create, importButton,
                report, more), filters()));
        content.setCenter(new StackPane(tableWithFooter(), emptyState()));
        editor.setPrefWidth(540);
        editor.setMinWidth(420);
        editor.visibleProperty().bind(editorModel.open);
        editor.managedProperty().bind(editorModel.open);
        editor.close.setOnAction(e -> closeDrawer());
        content.setRight(editor);
        root.setCenter(content);
        root.setId("agreements-page");

        model.organisations.addListener((ListChangeListener<ReferenceEntry>) c ->
                editorModel.setOrganisations(List.copyOf(model.organisations)));
        model.scheme.addListener((o, a, s) -> editor.setLevels(s == null ? List.of() : s.levels()));
        context.recordRequestProperty().addListener(weakRequest);
        context.listRequestProperty().addListener(weakListRequest);
        context.sessionProperty().addListener(weakSession);
        model.rows.addListener((ListChangeListener<SharingAgreement>) c -> reselect());
        model.reload();
        takeRequest();
        takeListRequest();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
        context.recordRequestProperty().removeListener(weakRequest);
        context.listRequestProperty().removeListener(weakListRequest);
        context.sessionProperty().removeListener(weakSession);
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void closeDrawer() {
        if (editorModel.dirty.get() && !confirmDiscard()) {
            return;
        }
        editorModel.close();
        revertingSelection = true;
        table.getSelectionModel().clearSelection();
        revertingSelection = false;
    }

    @Override
    public boolean hasUnsavedChanges() {
        return editorModel.open.get() && editorModel.dirty.get();
    }

    @Override
    public boolean supports(Command command) {
        return command == Command.NEW || command == Command.SAVE || command == Command.IMPORT
                || command == Command.EXPORT || command == Command.REPORT;
    }

    @Override
    public void run(Command command) {
        switch (command) {
            case NEW -> newAgreement();
            case SAVE -> editorModel.save();
            case IMPORT -> exchange.importFile();
            case EXPORT -> exchange.export();
            case REPORT -> report();
        }
    }

    /** The register of the agreements the list shows now (its search and filters). */
    private void report() {
        var session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        org.custodian.model.sharing.AgreementQuery all = model.query(session.sharing().today())
                .page(Integer.MAX_VALUE, 0);
        String filter = model.describeFilters();
        org.custodian.ui.report.ReportPreview.open(context, root, i18n.tr("agreements.reportTitle"),
                "agreements-register", (reports, options) -> reports.agreements(all, filter, options));
    }

    private void sessionReplaced() {
        editorModel.close();
        revertingSelection = true;
        table.getSelectionModel().clearSelection();
        revertingSelection = false;
    }

    private boolean confirmDiscard() {
        SharingAgreement editing = editorModel.original.get();
        return context.dialogs().confirm(i18n.tr("agreement.unsaved.title"), i18n.tr("agreement.unsaved",
                editing == null ? i18n.tr("agreement.new") : editing.reference()), i18n.tr("dataset.unsaved.discard"));
    }

    private void newAgreement() {
        if (!model.writable.get() || (editorModel.dirty.get() && !confirmDiscard())) {
            return;
        }
        revertingSelection = true;
        table.getSelectionModel().clearSelection();
        revertingSelection = false;
        editorModel.create();
        editor.focusFirstField();
    }

    /** Shows the agreements another page asked for (a dashboard tile), in place of the filters chosen before. */
    private void takeListRequest() {
        if (!(context.listRequestProperty().get() instanceof org.custodian.ui.common.ListRequest.Agreements r)) {
            return;
        }
        context.listRequestHandled();
        model.apply(r);
    }

    /** Opens the agreement another page asked for (a dataset's list of agreements, the due list). */
    private void takeRequest() {
        RecordLink link = context.recordRequestProperty().get();
        if (link == null || !RecordLink.AGREEMENT.equals(link.entityType())) {
            return;
        }
        context.recordRequestHandled();
        var session = context.sessionProperty().get();
        if (session == null) {
            return;
        }
        context.runner().read(progress -> session.sharing().find(link.id()), found -> found.ifPresent(a -> {
            if (editorModel.dirty.get() && !confirmDiscard()) {
                return;
            }
            editorModel.edit(a);
            editor.showDetails();
            for (int i = 0; i < model.rows.size(); i++) {
                if (model.rows.get(i).id().equals(a.id())) {
                    revertingSelection = true;
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(i);
                    revertingSelection = false;
                }
            }
        }), failure -> { });
    }

    // ---- filters -------------------------------------------------------------------------------------------------

    private Node filters() {
        ComboBox<AgreementType> type = new ComboBox<>(withNull(AgreementType.values()));
        type.setId("agreements-type");
        type.setConverter(ChoiceText.of(t -> t == null ? i18n.tr("agreements.filter.allTypes") : i18n.tr(t.labelKey())));
        type.valueProperty().bindBidirectional(model.type);
        ComboBox<AgreementStatus> status = new ComboBox<>(withNull(AgreementStatus.values()));
        status.setId("agreements-status");
        status.setConverter(ChoiceText.of(s -> s == null ? i18n.tr("agreements.filter.allStatuses")
                : i18n.tr(s.labelKey())));
        status.valueProperty().bindBidirectional(model.status);

        ObservableList<String> partyCodes = FXCollections.observableArrayList();
        partyCodes.add(null);
        model.organisations.addListener((ListChangeListener<ReferenceEntry>) c -> {
            String chosen = model.party.get();
            List<String> codes = new ArrayList<>(Collections.singletonList((String) null));
            model.organisations.forEach(e -> codes.add(e.code()));
            partyCodes.setAll(codes);
            model.party.set(chosen);
        });
        SearchableComboBox<String> party = new SearchableComboBox<>(partyCodes);
        party.setId("agreements-party");
        party.setPrefWidth(230);
        party.setConverter(ChoiceText.of(code -> code == null ? i18n.tr("agreements.filter.allParties")
                : model.organisationName(code)));
        party.valueProperty().bindBidirectional(model.party);

        ComboBox<Boolean> cross = new ComboBox<>(FXCollections.observableArrayList(null, true, false));
        cross.setId("agreements-cross-boundary");
        cross.setConverter(ChoiceText.of(b -> b == null ? i18n.tr("agreements.filter.anyBoundary") : b
                ? i18n.tr("agreements.filter.crossBoundary") : i18n.tr("agreements.filter.local")));
        cross.valueProperty().bindBidirectional(model.crossBoundary);
        // The short choices keep their width; the type and party pickers give way.
        cross.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Integer> expiring = new ComboBox<>(FXCollections.observableArrayList(AgreementsPageModel.EXPIRING));
        expiring.setId("agreements-expiring");
        expiring.setConverter(ChoiceText.of(d -> d == null ? i18n.tr("agreements.filter.anyExpiry")
                : i18n.tr("agreements.filter.expiringWithin", d)));
        expiring.valueProperty().bindBidirectional(model.expiringWithin);
        expiring.setMinWidth(Region.USE_PREF_SIZE);

        Hyperlink clear = new Hyperlink(i18n.tr("agreements.filter.clear"));
        clear.setId("agreements-clear-filters");
        clear.visibleProperty().bind(model.filtered);
        clear.setOnAction(e -> model.clearFilters());

        HBox bar = new HBox(8, labelled("agreements.filter.type", type), labelled("agreements.filter.status", status),
                labelled("agreements.filter.party", party), labelled("agreements.filter.boundary", cross),
                labelled("agreements.filter.expiry", expiring), clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    @SafeVarargs
    private static <T> ObservableList<T> withNull(T... values) {
        ObservableList<T> list = FXCollections.observableArrayList();
        list.add(null);
        list.addAll(values);
        return list;
    }

    private Node labelled(String key, javafx.scene.control.Control box) {
        return org.custodian.ui.common.FormLayout.named(i18n.tr(key), box);
    }

    // ---- the table -----------------------------------------------------------------------------------------------

    private Node tableWithFooter() {
        TableColumn<SharingAgreement, String> reference = text("agreements.column.reference", AgreementSort.REFERENCE,
                SharingAgreement::reference, 130);
        TableColumn<SharingAgreement, String> title = text("agreements.column.title", AgreementSort.TITLE,
                SharingAgreement::title, 300);
        TableColumn<SharingAgreement, String> type = text("agreements.column.type", AgreementSort.TYPE,
                a -> a.type() == null ? "" : i18n.tr(a.type().labelKey()), 190);
        TableColumn<SharingAgreement, AgreementStatus> status = StatusChip.column(
                i18n.tr("agreements.column.status"), SharingAgreement::status, i18n);
        status.setUserData(AgreementSort.STATUS);
        status.setPrefWidth(140);
        TableColumn<SharingAgreement, String> parties = text("agreements.column.parties", null,
                a -> String.join(" → ", a.parties().stream().map(p -> model.organisationName(p.organisation()))
                        .toList()), 280);
        parties.setSortable(false);
        TableColumn<SharingAgreement, String> ceiling = new TableColumn<>(i18n.tr("agreements.column.ceiling"));
        ceiling.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().classificationCeiling()));
        ceiling.setCellFactory(c -> new TableCell<>() {
            private final LevelChip chip = new LevelChip();

            @Override
            protected void updateItem(String code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setGraphic(null);
                    return;
                }
                var scheme = model.scheme.get();
                ClassificationLevel l = scheme == null ? null : scheme.level(code).orElse(null);
                chip.show(l, code, i18n.chinese());
                setGraphic(chip);
            }
        });
        ceiling.setUserData(AgreementSort.CEILING);
        ceiling.setPrefWidth(130);
        ceiling.setMinWidth(128);
        TableColumn<SharingAgreement, SharingAgreement> expires = new TableColumn<>(i18n.tr("agreements.column.expires"));
        expires.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        expires.setCellFactory(c -> new TableCell<>() {
            private final Label date = new Label();
            private final DueBadge badge = new DueBadge();
            private final HBox box = new HBox(6, date, badge);

            {
                box.setAlignment(Pos.CENTER_LEFT);
                date.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(SharingAgreement a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setGraphic(null);
                    return;
                }
                date.setText(a.expiresOn() == null ? "—" : a.expiresOn().toString());
                // Only an agreement still in force can run out; an ended one's date is history.
                badge.show(a.status().inForce() ? a.expiresOn() : null, model.today.get(), i18n);
                setGraphic(box);
            }
        });
        expires.setUserData(AgreementSort.EXPIRES_ON);
        expires.setPrefWidth(240);
        expires.setMinWidth(235);
        TableColumn<SharingAgreement, String> review = text("agreements.column.review", AgreementSort.REVIEW_DUE,
                a -> a.reviewDue() == null ? "—" : a.reviewDue().toString(), 110);
        table.getColumns().setAll(List.of(reference, title, type, status, parties, ceiling, expires, review));
        table.setItems(model.rows);
        table.setId("agreements-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        // The chips and dates keep their width; the title and parties give way.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        reference.setMinWidth(118);
        type.setMinWidth(120);
        review.setMinWidth(100);
        table.setPlaceholder(new Label(i18n.tr("agreements.noMatches")));
        // SQLite sorts: a click on a header sets the query's order instead of sorting the page in memory.
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                model.sort.set(AgreementSort.REFERENCE);
                model.descending.set(false);
            } else {
                TableColumn<SharingAgreement, ?> c = t.getSortOrder().get(0);
                if (c.getUserData() instanceof AgreementSort s) {
                    model.descending.set(c.getSortType() == TableColumn.SortType.DESCENDING);
                    model.sort.set(s);
                }
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> selectionChanged(now));
        table.setRowFactory(t -> {
            TableRow<SharingAgreement> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    editor.showDetails();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                editor.focusFirstField();
            }
        });

        Label range = new Label();
        range.textProperty().bind(model.pageText);
        range.getStyleClass().add(Styles.TEXT_MUTED);
        Button previous = pager(Material2OutlinedMZ.NAVIGATE_BEFORE, "table.previousPage", model::previousPage);
        previous.disableProperty().bind(model.hasPrevious.not());
        Button next = pager(Material2OutlinedMZ.NAVIGATE_NEXT, "table.nextPage", model::nextPage);
        next.disableProperty().bind(model.hasNext.not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, spacer, range, previous, next);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(4, 16, 4, 16));
        VBox box = new VBox(table, footer);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.loaded.get() || model.total.get() > 0,
                model.loaded, model.total));
        return box;
    }

    private Button pager(org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        return org.custodian.ui.common.Paging.button(i18n, icon, key, action);
    }

    private TableColumn<SharingAgreement, String> text(String key, AgreementSort sort,
                                                       Function<SharingAgreement, String> value, double width) {
        TableColumn<SharingAgreement, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setUserData(sort);
        c.setSortable(sort != null);
        return c;
    }

    private void selectionChanged(SharingAgreement chosen) {
        if (revertingSelection || chosen == null) {
            return;
        }
        SharingAgreement editing = editorModel.original.get();
        if (editorModel.dirty.get() && !chosen.equals(editing)) {
            if (!confirmDiscard()) {
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
        editorModel.edit(chosen);
    }

    /** After a reload, selects the edited agreement again (a fresh copy) and refreshes an untouched editor. */
    private void reselect() {
        SharingAgreement editing = editorModel.original.get();
        if (editing == null) {
            return;
        }
        for (int i = 0; i < model.rows.size(); i++) {
            SharingAgreement row = model.rows.get(i);
            if (row.id().equals(editing.id())) {
                revertingSelection = true;
                table.getSelectionModel().clearAndSelect(i);
                revertingSelection = false;
                if (!editorModel.dirty.get() && !row.equals(editing)) {
                    editorModel.edit(row);
                }
                return;
            }
        }
    }

    private Node emptyState() {
        Label title = new Label(i18n.tr("agreements.empty.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(i18n.tr("agreements.empty.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button(i18n.tr("agreements.new"), new FontIcon(Material2OutlinedAL.ADD));
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(model.writable.not());
        create.setOnAction(e -> newAgreement());
        Button importButton = new Button(i18n.tr("agreements.import"), new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
        importButton.disableProperty().bind(model.writable.not());
        importButton.setOnAction(e -> exchange.importFile());
        Button sample = new Button(i18n.tr("workbench.empty.loadSample"), new FontIcon(Material2OutlinedAL.LIBRARY_ADD));
        sample.disableProperty().bind(model.writable.not());
        sample.setOnAction(e -> context.loadSampleDepartment());
        HBox actions = new HBox(8, create, importButton, sample);
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(10, new FontIcon(Material2OutlinedMZ.SWAP_HORIZ), title, hint, actions);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.loaded.get() && model.total.get() == 0,
                model.loaded, model.total));
        box.setId("agreements-empty");
        return box;
    }
}
