package org.custodian.ui.oversight;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.RecordRef;
import org.custodian.model.oversight.Severity;
import org.custodian.ui.common.ChipColumn;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.EmptyState;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.ListRequest;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Lays out the findings: open or accepted, filters by rule, severity and department, the list (highest severity
 * first) and, under it, the chosen finding: what is wrong, how to fix it, links to its records and, once accepted,
 * by whom, why and until when.
 */
public final class FindingsPage implements PageView {

    private final FindingsPageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<FindingState> table = new TableView<>();
    private final VBox detail = new VBox(8);

    public FindingsPage(PageContext context) {
        this.model = new FindingsPageModel(context);
        this.i18n = context.i18n();
        Button open = new Button(i18n.tr("findings.open"), new FontIcon(Material2OutlinedAL.LAUNCH));
        open.setId("findings-open");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(model.selected.isNull());
        open.setOnAction(e -> model.open(model.selected.get().finding().records().get(0)));
        Button accept = new Button(i18n.tr("findings.accept"), new FontIcon(Material2OutlinedAL.CHECK_CIRCLE_OUTLINE));
        accept.setId("findings-accept");
        accept.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selected.get() == null
                || !model.selected.get().open() || !model.writable.get(), model.selected, model.writable));
        accept.setOnAction(e -> model.accept(model.selected.get()));
        Button withdraw = new Button(i18n.tr("findings.withdraw"), new FontIcon(Material2OutlinedMZ.UNDO));
        withdraw.setId("findings-withdraw");
        withdraw.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selected.get() == null
                || model.selected.get().open() || !model.writable.get(), model.selected, model.writable));
        withdraw.setOnAction(e -> model.withdraw(model.selected.get()));
        withdraw.visibleProperty().bind(model.shown.isEqualTo(FindingsPageModel.Shown.ACCEPTED));
        withdraw.managedProperty().bind(withdraw.visibleProperty());
        accept.visibleProperty().bind(withdraw.visibleProperty().not());
        accept.managedProperty().bind(accept.visibleProperty());
        Button export = new Button(i18n.tr("findings.export"), new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        export.setId("findings-export");
        export.disableProperty().bind(Bindings.isEmpty(model.rows));
        export.setOnAction(e -> model.exportCsv());
        root.setTop(new VBox(new PageHeader(i18n.tr("findings.title"), model.countText, open, accept, withdraw,
                export),
                filters()));
        SplitPane split = new SplitPane(new StackPane(table(), emptyState()), detailPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        root.setCenter(split);
        root.setId("findings-page");
        model.selected.addListener((o, a, b) -> showDetail(b));
        showDetail(null);
        model.reload();
        this.context = context;
        context.listRequestProperty().addListener(weakListRequest);
        takeListRequest();
    }

    private final PageContext context;
    private final javafx.beans.value.ChangeListener<Object> listRequest = (o, a, b) -> takeListRequest();
    private final javafx.beans.value.WeakChangeListener<Object> weakListRequest =
            new javafx.beans.value.WeakChangeListener<>(listRequest);

    /** Shows the open findings of the severity a dashboard tile asked for. */
    private void takeListRequest() {
        if (context.listRequestProperty().get() instanceof ListRequest.Findings request) {
            context.listRequestHandled();
            model.showOpen(request.severity());
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public boolean supports(Command command) {
        return command == Command.EXPORT;
    }

    @Override
    public void run(Command command) {
        if (command == Command.EXPORT) {
            model.exportCsv();
        }
    }

    @Override
    public void dispose() {
        context.listRequestProperty().removeListener(weakListRequest);
        model.dispose();
    }

    private Node filters() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton openList = new ToggleButton();
        openList.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("findings.shown.open",
                String.valueOf(model.openCount.get())), model.openCount));
        openList.setId("findings-shown-open");
        openList.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton acceptedList = new ToggleButton();
        acceptedList.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("findings.shown.accepted",
                String.valueOf(model.acceptedCount.get())), model.acceptedCount));
        acceptedList.setId("findings-shown-accepted");
        acceptedList.getStyleClass().add(Styles.RIGHT_PILL);
        openList.setToggleGroup(group);
        acceptedList.setToggleGroup(group);
        openList.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two lists always shows
            } else {
                model.shown.set(b == acceptedList ? FindingsPageModel.Shown.ACCEPTED : FindingsPageModel.Shown.OPEN);
            }
        });
        model.shown.addListener((o, a, b) -> (b == FindingsPageModel.Shown.ACCEPTED ? acceptedList : openList)
                .setSelected(true));

        List<FindingRule> ruleChoices = new ArrayList<>();
        ruleChoices.add(null);
        ruleChoices.addAll(List.of(FindingRule.values()));
        ComboBox<FindingRule> rule = new ComboBox<>();
        rule.getItems().setAll(ruleChoices);
        rule.setConverter(ChoiceText.of(r -> r == null ? i18n.tr("findings.filter.allRules") : i18n.tr(r.titleKey())));
        rule.valueProperty().bindBidirectional(model.rule);
        rule.setId("findings-rule");
        rule.setPrefWidth(210);

        List<Severity> severityChoices = new ArrayList<>();
        severityChoices.add(null);
        severityChoices.addAll(List.of(Severity.values()));
        ComboBox<Severity> severity = new ComboBox<>();
        severity.getItems().setAll(severityChoices);
        severity.setConverter(ChoiceText.of(s -> s == null ? i18n.tr("findings.filter.allSeverities")
                : i18n.tr(s.labelKey())));
        severity.valueProperty().bindBidirectional(model.severity);
        severity.setId("findings-severity");

        ComboBox<String> department = new ComboBox<>();
        department.setId("findings-department");
        department.setConverter(ChoiceText.of(d -> d == null ? i18n.tr("findings.filter.allDepartments")
                : model.departmentName(d)));
        model.departments.addListener((javafx.collections.ListChangeListener<String>) c -> {
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(model.departments);
            String chosen = model.department.get();
            department.getItems().setAll(items);
            department.setValue(chosen);
        });
        department.getItems().setAll(java.util.Collections.singletonList(null));
        department.valueProperty().bindBidirectional(model.department);
        department.setPrefWidth(180);

        HBox pills = new HBox(openList, acceptedList);
        pills.setAlignment(Pos.BOTTOM_LEFT);
        FlowPane bar = new FlowPane(12, 8, pills, FormLayout.filter(i18n.tr("findings.filter.rule"), rule),
                FormLayout.filter(i18n.tr("findings.filter.severity"), severity),
                FormLayout.filter(i18n.tr("findings.filter.department"), department));
        bar.setAlignment(Pos.BOTTOM_LEFT);
        bar.setPadding(new Insets(0, 16, 8, 16));
        return bar;
    }

    private Node table() {
        TableColumn<FindingState, Severity> severity = ChipColumn.of(i18n.tr("findings.column.severity"),
                s -> s.finding().severity(), SeverityChip::new, (chip, s) -> chip.show(s, i18n));
        severity.setPrefWidth(100);
        severity.setMinWidth(100);
        TableColumn<FindingState, String> rule = text("findings.column.rule", s -> model.title(s.finding()), 250);
        TableColumn<FindingState, String> records = text("findings.column.records",
                s -> s.finding().recordLabels(), 200);
        TableColumn<FindingState, String> message = text("findings.column.message",
                s -> model.message(s.finding()), 420);
        TableColumn<FindingState, String> department = text("findings.column.department",
                s -> model.departmentName(s.finding().department()), 200);
        TableColumn<FindingState, String> until = text("findings.column.acceptedUntil",
                s -> s.open() ? "" : s.acceptance().expiresOn().toString(), 120);
        until.visibleProperty().bind(model.shown.isEqualTo(FindingsPageModel.Shown.ACCEPTED));
        table.getColumns().setAll(List.of(severity, rule, records, message, department, until));
        table.setItems(model.rows);
        table.setId("findings-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(""));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selected.set(b));
        model.selected.addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        table.setRowFactory(t -> {
            TableRow<FindingState> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem().finding().records().get(0));
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.selected.get() != null) {
                model.open(model.selected.get().finding().records().get(0));
            }
        });
        return table;
    }

    private TableColumn<FindingState, String> text(String key, Function<FindingState, String> value, double width) {
        TableColumn<FindingState, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node detailPane() {
        detail.setPadding(new Insets(12, 16, 12, 16));
        detail.setId("finding-detail");
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("finding-detail");
        return scroll;
    }

    private void showDetail(FindingState state) {
        if (state == null) {
            Label none = new Label(i18n.tr("findings.detail.none"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            detail.getChildren().setAll(none);
            return;
        }
        SeverityChip chip = new SeverityChip();
        chip.show(state.finding().severity(), i18n);
        Label title = new Label(model.title(state.finding()));
        title.getStyleClass().add(Styles.TITLE_4);
        Label ruleId = new Label(state.finding().rule().id());
        ruleId.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox head = new HBox(8, chip, title, ruleId);
        head.setAlignment(Pos.CENTER_LEFT);
        Label message = wrapped(model.message(state.finding()));
        message.setId("finding-detail-message");
        Label fixHeading = heading("findings.detail.fix");
        Label fix = wrapped(model.fix(state.finding()));
        FlowPane links = new FlowPane(12, 4);
        for (RecordRef r : state.finding().records()) {
            Hyperlink link = new Hyperlink(i18n.tr("findings.record." + r.kind().code(), r.label()),
                    new FontIcon(switch (r.kind()) {
                        case DATASET -> Material2OutlinedMZ.TABLE_VIEW;
                        case AGREEMENT -> Material2OutlinedMZ.SWAP_HORIZ;
                        case ASSESSMENT -> Material2OutlinedAL.ASSIGNMENT;
                    }));
            link.setId("finding-record-" + r.label());
            link.setOnAction(e -> model.open(r));
            links.getChildren().add(link);
        }
        detail.getChildren().setAll(head, message, fixHeading, fix, heading("findings.detail.records"), links);
        if (!state.open()) {
            var a = state.acceptance();
            detail.getChildren().addAll(heading("findings.detail.accepted"), wrapped(i18n.tr("findings.detail.acceptance",
                    a.acceptedBy(), a.acceptedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString(),
                    a.expiresOn().toString(), a.reason())));
        }
    }

    private Label heading(String key) {
        Label l = new Label(i18n.tr(key));
        l.getStyleClass().add("heading");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private Node emptyState() {
        return EmptyState.of(Material2OutlinedAL.CHECK_CIRCLE_OUTLINE, i18n.tr("findings.empty.title"),
                i18n.tr("findings.empty.hint"), Bindings.createBooleanBinding(
                        () -> model.loaded.get() && model.rows.isEmpty(), model.loaded, model.rows));
    }
}
