package org.custodian.ui.audit;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.audit.FieldChange;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.custodian.ui.common.TableLayout;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Lays out the audit log: the filters, the events newest first (paged by SQLite), and the chosen event in a
 * drawer with what it changed field by field and its place in the chain. Binds to {@link AuditLogPageModel}.
 */
public final class AuditLogPage implements PageView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    // The table shows the minute; the chosen event shows the second.
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PageContext context;
    private final AuditLogPageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<AuditEntry> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();
    private final DateTimeFormatter time;
    private final DateTimeFormatter minute;

    public AuditLogPage(PageContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.model = new AuditLogPageModel(context);
        this.time = TIME.withZone(model.zone());
        this.minute = MINUTE.withZone(model.zone());

        search.setPromptText(i18n.tr("audit.log.search"));
        search.setAccessibleText(i18n.tr("audit.log.search"));
        search.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        search.setPrefColumnCount(18);
        search.setMinWidth(150);
        search.setId("audit-search");
        search.textProperty().bindBidirectional(model.text);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().clearAndSelect(0);
            }
        });
        Button csv = new Button(i18n.tr("audit.log.exportCsv"), new FontIcon(Material2OutlinedMZ.TABLE_CHART));
        csv.setId("audit-export-csv");
        csv.setOnAction(e -> model.exportCsv());
        Button pdf = new Button(i18n.tr("audit.log.exportPdf"), new FontIcon(Material2OutlinedMZ.PICTURE_AS_PDF));
        pdf.setId("audit-export-pdf");
        pdf.setOnAction(e -> report());
        for (Button b : List.of(csv, pdf)) {
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> model.matching.get() == 0, model.matching));
        }
        root.setTop(new VBox(new PageHeader(i18n.tr("audit.log.title"), model.countText, search, csv, pdf), filters()));
        BorderPane content = new BorderPane(new StackPane(tableWithFooter(), emptyState()));
        content.setRight(detail());
        root.setCenter(content);
        root.setId("audit-page");

        model.rows.addListener((ListChangeListener<AuditEntry>) c -> {
            AuditEntry chosen = model.selected.get();
            if (chosen != null && table.getSelectionModel().getSelectedItem() != chosen) {
                table.getSelectionModel().select(chosen);
            }
        });
        model.takeRequest();
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

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void closeDrawer() {
        table.getSelectionModel().clearSelection();
        model.selected.set(null);
    }

    @Override
    public boolean supports(Command command) {
        return command == Command.EXPORT || command == Command.REPORT;
    }

    @Override
    public void run(Command command) {
        if (command == Command.EXPORT) {
            model.exportCsv();
        } else if (command == Command.REPORT) {
            report();
        }
    }

    /** The log the filters select, printed: the report preview lays it out and saves it as PDF. */
    private void report() {
        if (model.session() == null || model.matching.get() == 0) {
            return;
        }
        var filter = model.filter();
        String words = model.describeFilters();
        org.custodian.ui.report.ReportPreview.open(context, root, i18n.tr("audit.log.reportTitle"), "audit-log",
                (reports, options) -> reports.auditLog(filter, words, options));
    }

    // ---- filters -------------------------------------------------------------------------------------------------

    private Node filters() {
        TextField record = new TextField();
        record.setId("audit-record");
        record.setPromptText(i18n.tr("audit.log.filter.record"));
        record.setPrefColumnCount(13);
        record.textProperty().bindBidirectional(model.record);
        ComboBox<String> kind = choice("audit-entity-type", model.entityTypes, model.entityType,
                t -> t == null ? i18n.tr("audit.log.filter.allKinds") : model.entityLabel(t));
        ComboBox<String> actor = choice("audit-actor", model.actors, model.actor,
                a -> a == null ? i18n.tr("audit.log.filter.allActors") : a);
        ComboBox<String> action = choice("audit-action", model.actions, model.action,
                a -> a == null ? i18n.tr("audit.log.filter.allActions") : model.actionLabel(a));
        DatePicker from = day("audit-from", "audit.log.filter.from", model.from);
        DatePicker to = day("audit-to", "audit.log.filter.to", model.to);
        Label reversed = new Label(i18n.tr("audit.log.filter.reversed"));
        reversed.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        reversed.visibleProperty().bind(model.datesReversed);
        reversed.managedProperty().bind(model.datesReversed);
        Hyperlink clear = new Hyperlink(i18n.tr("audit.log.filter.clear"));
        clear.setId("audit-clear-filters");
        clear.visibleProperty().bind(model.filtered);
        clear.setOnAction(e -> model.clearFilters());
        clear.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(8, labelled("audit.log.filter.record", record), kind, actor, action,
                labelled("audit.log.filter.from", from), new Label("–"), labelled("audit.log.filter.to", to), reversed,
                clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(8, 16, 8, 16));
        return bar;
    }

    private ComboBox<String> choice(String id, javafx.collections.ObservableList<String> items,
                                    javafx.beans.property.ObjectProperty<String> value, Function<String, String> text) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setConverter(ChoiceText.of(text::apply));
        box.valueProperty().bindBidirectional(value);
        box.setPrefWidth(150);
        box.setMinWidth(110);
        String name = i18n.tr(switch (id) {
            case "audit-entity-type" -> "audit.log.filter.kind";
            case "audit-actor" -> "audit.log.filter.actor";
            default -> "audit.log.filter.action";
        });
        box.setAccessibleText(name);
        box.setTooltip(new Tooltip(name));
        return box;
    }

    /** A day picked from a calendar or typed as YYYY-MM-DD. */
    private DatePicker day(String id, String key, javafx.beans.property.ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText(i18n.tr(key));
        picker.setPrefWidth(135);
        picker.setMinWidth(120);
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private Node labelled(String key, javafx.scene.control.Control control) {
        return org.custodian.ui.common.FormLayout.named(i18n.tr(key), control);
    }

    // ---- the table -----------------------------------------------------------------------------------------------

    private Node tableWithFooter() {
        TableColumn<AuditEntry, String> seq = column("seq", "audit.log.column.seq",
                e -> Long.toString(e.event().sequence()), 70);
        seq.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<AuditEntry, String> when = column("time", "audit.log.column.time",
                e -> minute.format(e.event().occurredAt()), 150);
        TableColumn<AuditEntry, String> actor = column("actor", "audit.log.column.actor", e -> e.event().actor(), 120);
        TableColumn<AuditEntry, String> kind = column("kind", "audit.log.column.kind",
                e -> model.entityLabel(e.event().entityType()), 120);
        TableColumn<AuditEntry, String> record = column("record", "audit.log.column.record", AuditEntry::record, 160);
        TableColumn<AuditEntry, String> action = column("action", "audit.log.column.action",
                e -> model.actionLabel(e.event().action()), 140);
        TableColumn<AuditEntry, String> reason = column("reason", "audit.log.column.reason",
                e -> e.event().reason() == null ? "" : e.event().reason(), 260);
        table.getColumns().setAll(List.of(seq, when, actor, kind, record, action, reason));
        table.setItems(model.rows);
        table.setId("audit-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // With the event open beside it the table keeps what identifies a row; the reason gives way first.
        seq.setMinWidth(50);
        when.setMinWidth(150);
        actor.setMinWidth(80);
        kind.setMinWidth(100);
        record.setMinWidth(130);
        action.setMinWidth(90);
        reason.setMinWidth(40);
        Hyperlink clear = new Hyperlink(i18n.tr("audit.log.filter.clear"));
        clear.setOnAction(e -> model.clearFilters());
        VBox none = new VBox(4, new Label(i18n.tr("audit.log.noMatches")), clear);
        none.setAlignment(Pos.CENTER);
        table.setPlaceholder(none);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (now != null) {
                model.selected.set(now);
            }
        });
        TableLayout.remember(table, "audit-log", context);

        Label range = new Label();
        range.textProperty().bind(model.pageText);
        range.getStyleClass().add(Styles.TEXT_MUTED);
        Button previous = pager(Material2OutlinedMZ.NAVIGATE_BEFORE, "table.previousPage", model::previousPage);
        previous.setId("audit-previous-page");
        previous.disableProperty().bind(model.hasPrevious.not());
        Button next = pager(Material2OutlinedMZ.NAVIGATE_NEXT, "table.nextPage", model::nextPage);
        next.setId("audit-next-page");
        next.disableProperty().bind(model.hasNext.not());
        Label order = new Label(i18n.tr("audit.log.newestFirst"));
        order.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, order, spacer, range, previous, next);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(4, 16, 4, 16));
        VBox box = new VBox(table, footer);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.loaded.get() || model.total.get() > 0,
                model.loaded, model.total));
        return box;
    }

    private TableColumn<AuditEntry, String> column(String id, String key, Function<AuditEntry, String> value,
                                                   double width) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(i18n.tr(key));
        c.setId(id);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        // Always newest first: the order is the chain's, set by the store.
        c.setSortable(false);
        return c;
    }

    private Button pager(org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        return org.custodian.ui.common.Paging.button(i18n, icon, key, action);
    }

    private Node emptyState() {
        Label title = new Label(i18n.tr("audit.log.empty.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(i18n.tr("audit.log.empty.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button sample = new Button(i18n.tr("workbench.empty.loadSample"), new FontIcon(Material2OutlinedAL.LIBRARY_ADD));
        sample.setOnAction(e -> context.loadSampleDepartment());
        VBox box = new VBox(10, new FontIcon(Material2OutlinedAL.HISTORY), title, hint, sample);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.loaded.get() && model.total.get() == 0,
                model.loaded, model.total));
        box.setId("audit-empty");
        return box;
    }

    // ---- the chosen event ----------------------------------------------------------------------------------------

    private Node detail() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.setId("audit-detail-title");
        Button close = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText(i18n.tr("audit.log.closeDetail"));
        close.setTooltip(new Tooltip(i18n.tr("audit.log.closeDetail")));
        close.setOnAction(e -> closeDrawer());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, close);
        head.setAlignment(Pos.CENTER_LEFT);

        Label what = new Label();
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_BOLD);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        Label changesTitle = section("audit.log.detail.changes");
        GridPane changes = new GridPane();
        changes.setId("audit-changes");
        changes.setHgap(10);
        changes.setVgap(6);
        ColumnConstraints fieldColumn = new ColumnConstraints();
        fieldColumn.setPercentWidth(31);
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setPercentWidth(34.5);
        changes.getColumnConstraints().setAll(fieldColumn, valueColumn, valueColumn);
        Label chainTitle = section("audit.log.detail.chain");
        GridPane chain = new GridPane();
        chain.setHgap(12);
        chain.setVgap(4);
        Hyperlink sameRecord = new Hyperlink(i18n.tr("audit.log.detail.sameRecord"));
        sameRecord.setId("audit-same-record");
        sameRecord.setOnAction(e -> model.showRecordOfSelected());

        VBox body = new VBox(10, what, facts, changesTitle, changes, chainTitle, chain, sameRecord);
        body.setPadding(new Insets(0, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox drawer = new VBox(4, head, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        head.setPadding(new Insets(8, 8, 0, 16));
        drawer.getStyleClass().add("detail-drawer");
        drawer.setId("audit-detail");
        drawer.setPrefWidth(400);
        drawer.setMinWidth(360);
        drawer.visibleProperty().bind(model.selected.isNotNull());
        drawer.managedProperty().bind(model.selected.isNotNull());

        Runnable fill = () -> {
            AuditEntry entry = model.selected.get();
            facts.getChildren().clear();
            chain.getChildren().clear();
            changes.getChildren().clear();
            if (entry == null) {
                return;
            }
            AuditEvent e = entry.event();
            title.setText(i18n.tr("audit.log.detail.title", Long.toString(e.sequence())));
            what.setText(model.actionLabel(e.action()) + " · " + model.entityLabel(e.entityType()) + " "
                    + entry.record());
            fact(facts, 0, "audit.log.column.time", time.format(e.occurredAt()) + " (" + model.zone().getId() + ")");
            fact(facts, 1, "audit.log.column.actor", e.actor());
            fact(facts, 2, "audit.log.column.reason", e.reason() == null ? i18n.tr("audit.log.detail.noReason")
                    : e.reason());
            fillChanges(changes, e, model.changes);
            copyable(chain, 0, "audit.log.detail.sequence", Long.toString(e.sequence()));
            copyable(chain, 1, "audit.log.detail.hash", e.hash());
            copyable(chain, 2, "audit.log.detail.previous", e.previousHash());
            copyable(chain, 3, "audit.log.detail.recordId", e.entityId());
            scroll.setVvalue(0);
        };
        // The model works out the changes first (its listener came first), so one fill shows them.
        model.selected.addListener((o, a, b) -> fill.run());
        return drawer;
    }

    private Label section(String key) {
        Label l = new Label(i18n.tr(key));
        l.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED);
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private void fact(GridPane grid, int row, String key, String value) {
        Label name = new Label(i18n.tr(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, name, text);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        GridPane.setHgrow(text, Priority.ALWAYS);
    }

    /** A value that people copy (a hash to compare, an id to search for): selectable, in a fixed-width face. */
    private void copyable(GridPane grid, int row, String key, String value) {
        Label name = new Label(i18n.tr(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        name.setMinWidth(Region.USE_PREF_SIZE);
        // A hash is longer than the drawer is wide: it wraps, and stays selectable to copy.
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(value == null ? "" : value);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(value != null && value.length() > 30 ? 2 : 1);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().addAll("fact-value", "audit-hash");
        text.setAccessibleText(i18n.tr(key));
        grid.addRow(row, name, text);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        GridPane.setHgrow(text, Priority.ALWAYS);
    }

    /** Field, before, after: one row per changed field, the old value marked as gone and the new one as come. */
    private void fillChanges(GridPane grid, AuditEvent e, List<FieldChange> changes) {
        if (changes.isEmpty()) {
            Label none = new Label(i18n.tr("audit.log.detail.noChanges"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(none, 0, 0, 3, 1);
            return;
        }
        grid.addRow(0, header("audit.log.detail.field"), header("audit.log.detail.before"),
                header("audit.log.detail.after"));
        int row = 1;
        for (FieldChange c : changes) {
            Label field = new Label(model.fieldLabel(e.entityType(), c.field()));
            field.setWrapText(true);
            Label before = value(c.before(), "audit-before");
            Label after = value(c.after(), "audit-after");
            grid.addRow(row++, field, before, after);
            for (Node n : List.of(field, before, after)) {
                GridPane.setValignment(n, javafx.geometry.VPos.TOP);
            }
        }
    }

    private Label header(String key) {
        Label l = new Label(i18n.tr(key));
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }

    private Label value(String text, String style) {
        Label l = new Label(text == null ? "—" : text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        if (text != null) {
            l.getStyleClass().add(style);
        } else {
            l.getStyleClass().add(Styles.TEXT_MUTED);
        }
        return l;
    }
}
