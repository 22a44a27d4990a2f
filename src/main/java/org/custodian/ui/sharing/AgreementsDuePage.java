package org.custodian.ui.sharing;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.custodian.model.sharing.AgreementDue;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.DueKind;
import org.custodian.ui.common.DueBadge;
import org.custodian.ui.common.DueWindow;
import org.custodian.ui.common.ChoiceText;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Lays out "Expiring and due for review": the window and kind filters and the list, most overdue first. */
public final class AgreementsDuePage implements PageView {

    private final AgreementsDuePageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<AgreementDue> table = new TableView<>();

    public AgreementsDuePage(PageContext context) {
        this.model = new AgreementsDuePageModel(context);
        this.i18n = context.i18n();
        Button open = new Button(i18n.tr("agreementsDue.open"), new FontIcon(Material2OutlinedAL.LAUNCH));
        open.setId("agreements-due-open");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(model.selected.isNull());
        open.setOnAction(e -> model.open(model.selected.get()));
        root.setTop(new VBox(new PageHeader(i18n.tr("agreementsDue.title"), model.countText, open), filters()));
        root.setCenter(new StackPane(table(), emptyState()));
        root.setId("agreements-due-page");
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

    private Node filters() {
        ComboBox<Integer> within = DueWindow.picker(model.within, i18n);
        within.setId("agreements-due-within");
        ObservableList<DueKind> kinds = FXCollections.observableArrayList();
        kinds.add(null);
        kinds.addAll(DueKind.values());
        ComboBox<DueKind> kind = new ComboBox<>(kinds);
        kind.setId("agreements-due-kind");
        kind.setConverter(ChoiceText.of(k -> k == null ? i18n.tr("agreementsDue.kind.all") : i18n.tr(k.labelKey())));
        kind.valueProperty().bindBidirectional(model.kind);
        HBox bar = new HBox(8, FormLayout.filter(i18n.tr("reviews.within"), within), FormLayout.filter(i18n.tr("agreementsDue.kind"), kind));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 16, 8, 16));
        return bar;
    }

    private Node table() {
        TableColumn<AgreementDue, String> due = text("agreementsDue.column.due", d -> d.dueOn().toString(), 100);
        due.setMinWidth(100);
        TableColumn<AgreementDue, LocalDate> badge = DueBadge.column(i18n.tr("agreementsDue.column.when"),
                AgreementDue::dueOn, model.today::get, i18n);
        TableColumn<AgreementDue, String> kind = text("agreementsDue.column.kind", d -> i18n.tr(d.kind().labelKey()),
                110);
        kind.setMinWidth(110);
        TableColumn<AgreementDue, String> reference = text("agreements.column.reference", AgreementDue::reference, 130);
        reference.setMinWidth(120);
        TableColumn<AgreementDue, String> title = text("agreements.column.title", AgreementDue::title, 300);
        TableColumn<AgreementDue, AgreementStatus> status = StatusChip.column(i18n.tr("agreements.column.status"),
                AgreementDue::status, i18n);
        status.setPrefWidth(130);
        TableColumn<AgreementDue, String> parties = text("agreements.column.parties",
                model::parties, 260);
        table.getColumns().setAll(java.util.List.of(due, badge, kind, reference, title, status, parties));
        table.getColumns().forEach(c -> c.setSortable(false)); // the order is the point: most overdue first
        table.setItems(model.rows);
        table.setId("agreements-due-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(""));
        model.selected.bind(table.getSelectionModel().selectedItemProperty());
        table.setRowFactory(t -> {
            TableRow<AgreementDue> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(model.selected.get());
            }
        });
        return table;
    }

    private TableColumn<AgreementDue, String> text(String key, Function<AgreementDue, String> value, double width) {
        TableColumn<AgreementDue, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node emptyState() {
        return org.custodian.ui.common.EmptyState.of(Material2OutlinedAL.ALARM, i18n.tr("agreementsDue.empty.title"),
                i18n.tr("agreementsDue.empty.hint"), Bindings.createBooleanBinding(
                        () -> model.loaded.get() && model.rows.isEmpty(), model.loaded, model.rows));
    }
}
