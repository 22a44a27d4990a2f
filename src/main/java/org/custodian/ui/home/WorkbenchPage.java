package org.custodian.ui.home;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Lays out the workbench page; all state comes from {@link WorkbenchPageModel}. */
public final class WorkbenchPage implements PageView {

    private final WorkbenchPageModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();

    public WorkbenchPage(PageContext context, Runnable openReferenceLists) {
        this.model = new WorkbenchPageModel(context, openReferenceLists);
        this.i18n = context.i18n();
        root.setTop(new PageHeader(i18n.tr("workbench.title"), null));
        VBox body = new VBox(16, emptyState(), facts(), counts());
        body.setPadding(new Insets(16));
        body.setMaxWidth(900);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        ProgressIndicator opening = new ProgressIndicator();
        Label openingLabel = new Label(i18n.tr("workbench.opening"));
        VBox openingBox = new VBox(12, opening, openingLabel);
        openingBox.setAlignment(Pos.CENTER);
        openingBox.visibleProperty().bind(model.opening);
        scroll.visibleProperty().bind(model.opening.not().and(model.closed.not()));
        root.setCenter(new javafx.scene.layout.StackPane(scroll, openingBox, closedState()));
        root.setId("workbench-page");
    }

    private Node closedState() {
        Label why = new Label(i18n.tr("workbench.closed.text"));
        why.setWrapText(true);
        Button open = new Button(i18n.tr("action.openWorkbench"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> model.openAnother());
        Button create = new Button(i18n.tr("action.newWorkbench"), new FontIcon(Material2OutlinedAL.CREATE_NEW_FOLDER));
        create.setOnAction(e -> model.createNew());
        VBox box = new VBox(12, heading("workbench.closed.title"), why, new HBox(8, open, create));
        box.getStyleClass().add("card");
        box.setMaxSize(560, javafx.scene.layout.Region.USE_PREF_SIZE);
        box.visibleProperty().bind(model.closed);
        javafx.scene.layout.StackPane.setAlignment(box, Pos.CENTER);
        return box;
    }

    private Node emptyState() {
        Label why = new Label(i18n.tr("workbench.empty.text"));
        why.setWrapText(true);
        Button load = new Button(i18n.tr("workbench.empty.loadSample"), new FontIcon(Material2OutlinedAL.LIBRARY_ADD));
        load.getStyleClass().add(Styles.ACCENT);
        load.setId("load-sample");
        load.setDefaultButton(true);
        load.setOnAction(e -> model.loadSample());
        Button other = new Button(i18n.tr("action.openWorkbench"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        other.setOnAction(e -> model.openAnother());
        VBox box = new VBox(12, heading("workbench.empty.title"), why, new HBox(8, load, other));
        box.getStyleClass().add("card");
        box.visibleProperty().bind(model.empty);
        box.managedProperty().bind(model.empty);
        return box;
    }

    private Node facts() {
        GridPane grid = grid(
                "workbench.file", model.file,
                "workbench.schema", model.schema,
                "workbench.access", model.access,
                "workbench.actor", model.actor,
                "workbench.auditHead", model.auditHead,
                "workbench.auditEvents", model.auditEvents);
        Label note = new Label(i18n.tr("workbench.auditHead.note"));
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(12, heading("workbench.facts"), grid, note);
        box.getStyleClass().add("card");
        return box;
    }

    private Node counts() {
        GridPane grid = grid(
                "reference.list.organisation", model.organisations,
                "reference.list.category", model.categories,
                "reference.list.format", model.formats);
        Button open = new Button(i18n.tr("workbench.openReferenceLists"), new FontIcon(Material2OutlinedMZ.NAVIGATE_NEXT));
        open.setOnAction(e -> model.openReferenceLists());
        VBox box = new VBox(12, heading("workbench.referenceLists"), grid, open);
        box.getStyleClass().add("card");
        return box;
    }

    private Label heading(String key) {
        Label l = new Label(i18n.tr(key));
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    /** A label/value grid from pairs of (i18n key, value). */
    private GridPane grid(Object... keysAndValues) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row(grid, i / 2, (String) keysAndValues[i], (ObservableStringValue) keysAndValues[i + 1]);
        }
        return grid;
    }

    private void row(GridPane grid, int row, String key, ObservableStringValue value) {
        Label label = new Label(i18n.tr(key));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Read-only fields so the file path and the audit head can be selected and copied.
        TextField field = new TextField();
        field.setEditable(false);
        field.textProperty().bind(value);
        field.getStyleClass().add("fact-value");
        field.setPrefColumnCount(48);
        grid.addRow(row, label, field);
    }

    @Override
    public Node node() {
        return root;
    }
}
