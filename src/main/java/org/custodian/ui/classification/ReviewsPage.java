package org.custodian.ui.classification;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.ui.common.DueBadge;
import org.custodian.ui.common.DueWindow;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Lays out the "Reviews due" page: filters, the queue (overdue first) and the action that completes a review. */
public final class ReviewsPage implements PageView {

    private final ReviewsPageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<DueReview> table = new TableView<>();

    public ReviewsPage(PageContext context) {
        this.model = new ReviewsPageModel(context);
        this.i18n = context.i18n();
        Button complete = new Button(i18n.tr("reviews.complete"), new FontIcon(Material2OutlinedAL.DONE_ALL));
        complete.setId("reviews-complete");
        complete.getStyleClass().add(Styles.ACCENT);
        complete.disableProperty().bind(model.selected.isNull().or(model.writable.not()));
        complete.setOnAction(e -> model.complete(model.selected.get()));
        Button report = new Button(i18n.tr("reviews.report"), new FontIcon(Material2OutlinedMZ.PRINT));
        report.setId("reviews-report");
        report.setOnAction(e -> report());
        VBox top = new VBox(new PageHeader(i18n.tr("reviews.title"), model.countText, complete, report), filters());
        root.setTop(top);
        root.setCenter(new StackPane(table(), emptyState()));
        root.setId("reviews-page");
        model.reload();
        model.takeListRequest();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    private Node filters() {
        ComboBox<Integer> within = DueWindow.picker(model.within, i18n, DueWindow.WITH_OVERDUE_ONLY);
        within.setId("reviews-within");

        ObservableList<ReviewKind> kinds = FXCollections.observableArrayList();
        kinds.add(null);
        kinds.addAll(ReviewKind.values());
        ComboBox<ReviewKind> kind = new ComboBox<>(kinds);
        kind.setId("reviews-kind");
        kind.setConverter(ChoiceText.of(k -> k == null ? i18n.tr("reviews.kind.all") : i18n.tr(k.labelKey())));
        kind.valueProperty().bindBidirectional(model.kind);

        ObservableList<String> departmentCodes = FXCollections.observableArrayList();
        departmentCodes.add(null);
        model.departments.addListener((ListChangeListener<ReferenceEntry>) c -> {
            String chosen = model.department.get();
            departmentCodes.setAll(new java.util.ArrayList<>(java.util.Collections.singletonList((String) null)));
            model.departments.forEach(e -> departmentCodes.add(e.code()));
            model.department.set(chosen);
        });
        ComboBox<String> department = new ComboBox<>(departmentCodes);
        department.setId("reviews-department");
        department.setPrefWidth(260);
        department.setConverter(ChoiceText.of(d -> d == null ? i18n.tr("reviews.department.all") : model.departmentName(d)));
        department.valueProperty().bindBidirectional(model.department);

        ObservableList<String> levelCodes = FXCollections.observableArrayList();
        levelCodes.add(null);
        model.scheme.addListener((o, a, s) -> {
            String chosen = model.level.get();
            levelCodes.setAll(new java.util.ArrayList<>(java.util.Collections.singletonList((String) null)));
            s.levels().forEach(l -> levelCodes.add(l.code()));
            model.level.set(chosen);
        });
        ComboBox<String> level = new ComboBox<>(levelCodes);
        level.setId("reviews-level");
        level.setConverter(ChoiceText.of(code -> code == null ? i18n.tr("reviews.level.all") : levelName(code)));
        level.valueProperty().bindBidirectional(model.level);

        HBox bar = new HBox(8, FormLayout.filter(i18n.tr("reviews.within"), within), FormLayout.filter(i18n.tr("reviews.kind"), kind),
                FormLayout.filter(i18n.tr("reviews.department"), department), FormLayout.filter(i18n.tr("reviews.level"), level));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 16, 8, 16));
        return bar;
    }

    private String levelName(String code) {
        var scheme = model.scheme.get();
        ClassificationLevel l = scheme == null ? null : scheme.level(code).orElse(null);
        return l == null ? code : l.name(i18n.chinese());
    }

    private Node table() {
        TableColumn<DueReview, String> due = text("reviews.column.due", r -> r.dueOn().toString(), 100);
        due.setMinWidth(100);
        TableColumn<DueReview, LocalDate> status = DueBadge.column(i18n.tr("reviews.column.status"), DueReview::dueOn,
                model.today::get, i18n);
        TableColumn<DueReview, String> kind = text("reviews.column.kind", r -> i18n.tr(r.kind().labelKey()), 120);
        kind.setMinWidth(125);
        TableColumn<DueReview, String> code = text("reviews.column.code", DueReview::datasetCode, 150);
        code.setMinWidth(140);
        TableColumn<DueReview, String> title = text("reviews.column.title", r -> r.title(i18n.chinese()), 280);
        TableColumn<DueReview, String> department = text("reviews.column.department",
                r -> model.departmentName(r.department()), 200);
        TableColumn<DueReview, String> level = new TableColumn<>(i18n.tr("reviews.column.level"));
        level.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().level()));
        level.setCellFactory(c -> new TableCell<>() {
            private final LevelChip chip = new LevelChip();

            @Override
            protected void updateItem(String code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setGraphic(null);
                    return;
                }
                var scheme = model.scheme.get();
                chip.show(scheme == null ? null : scheme.level(code).orElse(null), code, i18n.chinese());
                setGraphic(chip);
            }
        });
        level.setPrefWidth(130);
        level.setMinWidth(125);
        TableColumn<DueReview, String> last = text("reviews.column.last",
                r -> r.lastDoneOn() == null ? i18n.tr("reviews.never") : r.lastDoneOn().toString(), 100);
        last.setMinWidth(105);
        table.getColumns().setAll(java.util.List.of(due, status, kind, code, title, department, level, last));
        table.getColumns().forEach(c -> c.setSortable(false)); // the queue's order is the point: overdue first
        table.setItems(model.rows);
        table.setId("reviews-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        // The dates, badges and chips keep their width; the title and department give way.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(""));
        model.selected.bind(table.getSelectionModel().selectedItemProperty());
        table.setRowFactory(t -> {
            TableRow<DueReview> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && model.writable.get()) {
                    model.complete(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.selected.get() != null && model.writable.get()) {
                model.complete(model.selected.get());
            }
        });
        return table;
    }

    private TableColumn<DueReview, String> text(String key, java.util.function.Function<DueReview, String> value,
                                                double width) {
        TableColumn<DueReview, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node emptyState() {
        return org.custodian.ui.common.EmptyState.of(Material2OutlinedAL.EVENT_AVAILABLE, i18n.tr("reviews.empty.title"),
                i18n.tr("reviews.empty.hint"), Bindings.createBooleanBinding(
                        () -> model.loaded.get() && model.rows.isEmpty(), model.loaded, model.rows));
    }

    @Override
    public boolean supports(Command command) {
        return command == Command.REPORT;
    }

    @Override
    public void run(Command command) {
        if (command == Command.REPORT) {
            report();
        }
    }

    /** The reviews-due report of what the queue shows now (its window and filters). */
    private void report() {
        org.custodian.model.classification.ReviewQuery query = model.query();
        if (query != null) {
            org.custodian.ui.report.ReportPreview.open(model.context(), root, i18n.tr("reviews.reportTitle"),
                    "reviews-due", (reports, options) -> reports.reviews(query, options));
        }
    }
}
