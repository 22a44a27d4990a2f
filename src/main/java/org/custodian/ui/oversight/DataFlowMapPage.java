package org.custodian.ui.oversight;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowNode;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.ui.common.EmptyState;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Lays out the data-flow map: type and status filters, the map in a zoomable scroll pane (Ctrl+scroll or the
 * buttons), and beside it the legend and the list of the map's agreements, from which the keyboard reaches each one.
 */
public final class DataFlowMapPage implements PageView {

    private final DataFlowMapPageModel model;
    private final PageContext context;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final FlowMapDrawing drawing;
    private final ScrollPane scroller = new ScrollPane();
    private final ListView<FlowEdge> list = new ListView<>();
    private final VBox legend = new VBox();
    private boolean centred;

    public DataFlowMapPage(PageContext context) {
        this.model = new DataFlowMapPageModel(context);
        this.context = context;
        this.i18n = context.i18n();
        this.drawing = new FlowMapDrawing(model::open, model::tooltip);
        Button png = new Button(i18n.tr("flows.exportPng"), new FontIcon(Material2OutlinedAL.IMAGE));
        png.setId("flows-export-png");
        png.setOnAction(e -> exportPng());
        Button svg = new Button(i18n.tr("flows.exportSvg"), new FontIcon(Material2OutlinedAL.INSERT_DRIVE_FILE));
        svg.setId("flows-export-svg");
        svg.setOnAction(e -> exportSvg());
        png.disableProperty().bind(model.nothingToDraw.or(model.map.isNull()));
        svg.disableProperty().bind(png.disableProperty());
        root.setTop(new VBox(new PageHeader(i18n.tr("flows.title"), model.countText, png, svg), filters()));
        root.setCenter(mapArea());
        root.setRight(side());
        root.setId("data-flow-page");
        model.map.addListener((o, a, m) -> show(m));
        model.selected.addListener((o, a, e) -> {
            drawing.highlight(e);
            if (e != null && list.getSelectionModel().getSelectedItem() != e) {
                list.getSelectionModel().select(e);
                list.scrollTo(e);
            }
        });
        model.zoom.addListener((o, a, z) -> zoomed(a.doubleValue(), z.doubleValue()));
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
    public boolean supports(Command command) {
        return command == Command.EXPORT;
    }

    @Override
    public void run(Command command) {
        if (command == Command.EXPORT) {
            exportSvg();
        }
    }

    private Node filters() {
        MenuButton types = new MenuButton();
        types.setId("flows-types");
        types.textProperty().bind(model.typesText);
        for (AgreementType t : AgreementType.values()) {
            CheckMenuItem item = new CheckMenuItem(i18n.tr(t.labelKey()));
            item.setSelected(model.types.contains(t));
            item.selectedProperty().addListener((o, a, on) -> model.toggle(t, on));
            types.getItems().add(item);
        }
        MenuButton statuses = new MenuButton();
        statuses.setId("flows-statuses");
        statuses.textProperty().bind(model.statusesText);
        for (AgreementStatus s : AgreementStatus.values()) {
            CheckMenuItem item = new CheckMenuItem(i18n.tr(s.labelKey()));
            item.setSelected(model.statuses.contains(s));
            item.selectedProperty().addListener((o, a, on) -> model.toggle(s, on));
            statuses.getItems().add(item);
        }
        Button out = zoomButton(Material2OutlinedMZ.ZOOM_OUT, "flows.zoomOut", "flows-zoom-out");
        out.setOnAction(e -> model.zoomBy(1 / 1.25));
        Button in = zoomButton(Material2OutlinedMZ.ZOOM_IN, "flows.zoomIn", "flows-zoom-in");
        in.setOnAction(e -> model.zoomBy(1.25));
        Button actual = new Button();
        actual.textProperty().bind(Bindings.createStringBinding(() -> Math.round(model.zoom.get() * 100) + "%",
                model.zoom));
        actual.setTooltip(new Tooltip(i18n.tr("flows.zoomActual")));
        actual.setAccessibleText(i18n.tr("flows.zoomActual"));
        actual.setId("flows-zoom-actual");
        actual.setMinWidth(58);
        actual.setOnAction(e -> model.zoom.set(1));
        Button fit = zoomButton(Material2OutlinedMZ.ZOOM_OUT_MAP, "flows.zoomFit", "flows-zoom-fit");
        fit.setOnAction(e -> model.zoomToFit(scroller.getViewportBounds().getWidth() - 8,
                scroller.getViewportBounds().getHeight() - 8));
        HBox zoom = new HBox(0, out, actual, in, fit);
        zoom.getStyleClass().add("flow-zoom");
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, FormLayout.named(i18n.tr("flows.types"), types),
                FormLayout.named(i18n.tr("flows.statuses"), statuses), spacer, zoom);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 16, 8, 16));
        return bar;
    }

    private Button zoomButton(org.kordamp.ikonli.Ikon icon, String key, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(i18n.tr(key)));
        b.setAccessibleText(i18n.tr(key));
        b.setId(id);
        return b;
    }

    private Node mapArea() {
        // The drawing sits in a group that scales it, so the scroll pane scrolls over the zoomed size.
        Group zoomed = new Group(drawing.node());
        scroller.setContent(new Group(zoomed));
        scroller.setPannable(true);
        scroller.setId("flows-scroller");
        scroller.getStyleClass().add("flow-scroller");
        scroller.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                model.zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
                e.consume();
            }
        });
        drawing.node().scaleXProperty().bind(model.zoom);
        drawing.node().scaleYProperty().bind(model.zoom);
        Label filtered = new Label(i18n.tr("flows.empty.filtered"));
        filtered.getStyleClass().add(Styles.TEXT_MUTED);
        filtered.visibleProperty().bind(model.nothingToDraw.and(model.registerEmpty.not()));
        filtered.setMouseTransparent(true);
        return new StackPane(scroller, EmptyState.of(Material2OutlinedAL.ACCOUNT_TREE, i18n.tr("flows.empty.title"),
                i18n.tr("flows.empty.hint"), model.nothingToDraw.and(model.registerEmpty)), filtered);
    }

    private Node side() {
        Label heading = new Label(i18n.tr("flows.list.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(i18n.tr("flows.list.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        list.setItems(model.edges);
        list.setId("flows-list");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setAccessibleText(i18n.tr("flows.list.title"));
        list.setCellFactory(v -> new EdgeCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                model.selected.set(e);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        Button open = new Button(i18n.tr("flows.open"), new FontIcon(Material2OutlinedAL.LAUNCH));
        open.setId("flows-open");
        open.disableProperty().bind(model.selected.isNull());
        open.setOnAction(e -> model.open(model.selected.get()));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox side = new VBox(8, legend, heading, hint, list, open);
        side.setPadding(new Insets(0, 12, 12, 12));
        side.setPrefWidth(330);
        side.setMinWidth(280);
        side.getStyleClass().add("flow-side");
        return side;
    }

    /** One agreement of the map in the list: its reference and level, and who gives to whom. */
    private final class EdgeCell extends ListCell<FlowEdge> {
        private final Label reference = new Label();
        private final LevelChip level = new LevelChip();
        private final Label flow = new Label();
        private final VBox box;

        EdgeCell() {
            reference.getStyleClass().add(Styles.TEXT_BOLD);
            flow.getStyleClass().add(Styles.TEXT_MUTED);
            flow.setWrapText(true);
            HBox top = new HBox(8, reference, level);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, flow);
            flow.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            flow.maxWidthProperty().bind(list.widthProperty().subtract(40));
            // The cell takes the list's width and wraps the names instead of widening the list.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(FlowEdge e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            reference.setText(e.reference());
            level.show(e.level(), e.level() == null ? null : e.level().code(), i18n.chinese());
            flow.setText(model.flowText(e));
            setGraphic(box);
        }
    }

    private void show(FlowMap map) {
        drawing.show(map, i18n.chinese());
        drawing.highlight(model.selected.get());
        legend.getChildren().setAll(FlowLegend.of(map, i18n));
        if (map != null && !map.isEmpty() && !centred) {
            centred = true;
            // First view: actual size, scrolled to the department in the middle.
            Platform.runLater(() -> map.nodes().stream().filter(FlowNode::department).findFirst()
                    .ifPresent(this::scrollTo));
        }
    }

    private void scrollTo(FlowNode node) {
        scroller.layout();
        double z = model.zoom.get();
        double w = drawing.node().getPrefWidth() * z;
        double h = drawing.node().getPrefHeight() * z;
        double vw = scroller.getViewportBounds().getWidth();
        double vh = scroller.getViewportBounds().getHeight();
        if (w > vw) {
            scroller.setHvalue(clamp((node.x() * z - vw / 2) / (w - vw)));
        }
        if (h > vh) {
            scroller.setVvalue(clamp((node.y() * z - vh / 2) / (h - vh)));
        }
    }

    /** Keeps the point in the middle of the view where it was while the zoom changes. */
    private void zoomed(double before, double after) {
        double vw = scroller.getViewportBounds().getWidth();
        double vh = scroller.getViewportBounds().getHeight();
        double w0 = drawing.node().getPrefWidth() * before;
        double h0 = drawing.node().getPrefHeight() * before;
        double cx = (Math.max(w0 - vw, 0) * scroller.getHvalue() + vw / 2) / before;
        double cy = (Math.max(h0 - vh, 0) * scroller.getVvalue() + vh / 2) / before;
        scroller.layout();
        double w1 = drawing.node().getPrefWidth() * after;
        double h1 = drawing.node().getPrefHeight() * after;
        if (w1 > vw) {
            scroller.setHvalue(clamp((cx * after - vw / 2) / (w1 - vw)));
        }
        if (h1 > vh) {
            scroller.setVvalue(clamp((cy * after - vh / 2) / (h1 - vh)));
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private void exportSvg() {
        if (model.map.get() == null || model.map.get().isEmpty()) {
            return;
        }
        context.dialogs().chooseFileToSave(i18n.tr("flows.exportSvg"), null, model.suggestedName("svg"),
                i18n.tr("flows.svgFiles"), "*.svg").ifPresent(model::exportSvg);
    }

    /**
     * Draws the map once more with its legend, in a scene of its own styled like the window (so the picture does
     * not depend on the zoom, the scroll position or the chosen edge), and takes that at twice the size.
     */
    private void exportPng() {
        FlowMap map = model.map.get();
        if (map == null || map.isEmpty() || root.getScene() == null) {
            return;
        }
        java.util.Optional<Path> target = context.dialogs().chooseFileToSave(i18n.tr("flows.exportPng"), null,
                model.suggestedName("png"), i18n.tr("flows.pngFiles"), "*.png");
        if (target.isEmpty()) {
            return;
        }
        FlowMapDrawing picture = new FlowMapDrawing(null, null);
        picture.show(map, i18n.chinese());
        Label title = new Label(i18n.tr("flows.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label count = new Label(model.countText.get());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setWrapText(true);
        VBox key = new VBox(8, title, count, FlowLegend.of(map, i18n));
        key.setPrefWidth(260);
        key.setMinWidth(260);
        key.setPadding(new Insets(16));
        HBox whole = new HBox(key, picture.node());
        whole.getStyleClass().add("flow-picture");
        Scene scene = new Scene(whole);
        scene.getStylesheets().setAll(root.getScene().getStylesheets());
        whole.getStyleClass().addAll(root.getScene().getRoot().getStyleClass().stream()
                .filter(c -> !c.equals("root")).toList());
        whole.applyCss();
        whole.layout();
        model.exportPng(MapPicture.of(whole, 2), target.get());
    }
}
