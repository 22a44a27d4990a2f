package org.custodian.ui.oversight;

import atlantafx.base.theme.Styles;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.OpenDataStatus;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.oversight.DashboardFigures;
import org.custodian.model.oversight.Severity;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.ListRequest;
import org.custodian.ui.common.PageContext;
import org.custodian.ui.common.PageHeader;
import org.custodian.ui.common.PageView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The dashboard: tiles for the registers and what needs attention, and charts of the inventory, the agreements
 * and the assessments. Every tile, bar and slice opens the list it counts, filtered; the tiles are buttons and the
 * bars take the keyboard focus, so both work without a mouse.
 */
public final class DashboardPage implements PageView {

    /** How many departments get a bar of their own; the rest share one. */
    static final int DEPARTMENT_BARS = 8;

    private final DashboardPageModel model;
    private final I18n i18n;
    private final NumberFormat numbers;
    private final BorderPane root = new BorderPane();
    private final FlowPane tiles = new FlowPane(24, 16);
    private final GridPane charts = new GridPane();
    private final VBox body = new VBox(20, tiles, charts);
    private final StackPane centre = new StackPane();

    public DashboardPage(PageContext context) {
        this.model = new DashboardPageModel(context);
        this.i18n = context.i18n();
        this.numbers = NumberFormat.getIntegerInstance(i18n.locale());
        StringBinding asAt = Bindings.createStringBinding(() -> model.figures.get() == null ? ""
                : i18n.tr("dashboard.asAt", model.figures.get().today().format(DateTimeFormatter.ofLocalizedDate(
                        FormatStyle.LONG).withLocale(i18n.locale()))), model.figures);
        Button refresh = new Button(i18n.tr("dashboard.refresh"), new FontIcon(Material2OutlinedAL.AUTORENEW));
        refresh.setId("dashboard-refresh");
        refresh.disableProperty().bind(model.loading);
        refresh.setOnAction(e -> model.reload());
        root.setTop(new PageHeader(i18n.tr("dashboard.title"), asAt, refresh));

        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        charts.getColumnConstraints().addAll(half, half);
        charts.setHgap(16);
        charts.setVgap(16);
        body.setPadding(new Insets(16, 16, 24, 16));
        body.getStyleClass().add("dashboard");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        scroll.setId("dashboard-scroll");
        Node empty = emptyState();
        scroll.visibleProperty().bind(empty.visibleProperty().not());
        centre.getChildren().setAll(scroll, empty);
        root.setCenter(centre);
        root.setId("dashboard-page");

        model.figures.addListener((o, a, f) -> show(f));
        model.reload();
    }

    // --- the figures -----------------------------------------------------------------------------------------

    private void show(DashboardFigures f) {
        if (f == null) {
            tiles.getChildren().clear();
            charts.getChildren().clear();
            return;
        }
        tiles.getChildren().setAll(registerTiles(f), reviewTiles(f), expiryTiles(f), findingTiles(f));
        charts.getChildren().clear();
        charts.add(card("dashboard.chart.classification", "dashboard-chart-classification", classification(f)), 0, 0);
        charts.add(card("dashboard.chart.department", "dashboard-chart-department", departments(f)), 1, 0);
        charts.add(card("dashboard.chart.personalData", "dashboard-chart-personal", personalData(f)), 0, 1);
        charts.add(card("dashboard.chart.openData", "dashboard-chart-open", openData(f)), 1, 1);
        charts.add(card("dashboard.chart.agreements", "dashboard-chart-agreements", agreements(f)), 0, 2);
        charts.add(card("dashboard.chart.assessments", "dashboard-chart-assessments", assessments(f)), 1, 2);
        charts.add(card("dashboard.chart.risk", "dashboard-chart-risk", risks(f)), 0, 3);
    }

    private Node registerTiles(DashboardFigures f) {
        long personal = f.personalData().get(PersonalData.YES);
        String share = f.datasets() == 0 ? "" : " · " + Math.round(100.0 * personal / f.datasets()) + " %";
        return group("dashboard.group.registers",
                tile("dashboard-tile-datasets", f.datasets(), i18n.tr("dashboard.tile.datasets"), null,
                        datasets(null, Set.of())),
                tile("dashboard-tile-personal", personal, i18n.tr("dashboard.tile.personalData") + share, null,
                        datasets(DatasetFacet.PERSONAL_DATA, PersonalData.YES.code())),
                tile("dashboard-tile-agreements-active", f.agreementsByStatus().get(AgreementStatus.ACTIVE),
                        i18n.tr("dashboard.tile.agreementsActive"), null,
                        new ListRequest.Agreements(AgreementStatus.ACTIVE, null)),
                tile("dashboard-tile-assessments", f.assessments(), i18n.tr("dashboard.tile.assessments"), null,
                        new ListRequest.Assessments(null, null)));
    }

    private Node reviewTiles(DashboardFigures f) {
        List<Node> shown = new ArrayList<>();
        for (ReviewKind kind : ReviewKind.values()) {
            long n = f.overdueReviews().get(kind);
            shown.add(tile("dashboard-tile-overdue-" + kind.code(), n, i18n.tr(kind.labelKey()),
                    n > 0 ? "tile-danger" : null, new ListRequest.Reviews(kind, true)));
        }
        return group("dashboard.group.reviewsOverdue", shown.toArray(Node[]::new));
    }

    private Node expiryTiles(DashboardFigures f) {
        List<Node> shown = new ArrayList<>();
        f.expiringWithin().forEach((days, n) -> shown.add(tile("dashboard-tile-expiring-" + days, n,
                i18n.tr("dashboard.tile.withinDays", days), n > 0 && days <= 30 ? "tile-warning" : null,
                new ListRequest.Agreements(null, days))));
        return group("dashboard.group.expiring", shown.toArray(Node[]::new));
    }

    private Node findingTiles(DashboardFigures f) {
        Map<Severity, String> tone = new EnumMap<>(Map.of(Severity.HIGH, "tile-danger", Severity.MEDIUM,
                "tile-warning", Severity.LOW, "tile-accent"));
        List<Node> shown = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = f.openFindings().get(s);
            shown.add(tile("dashboard-tile-findings-" + s.code(), n, i18n.tr(s.labelKey()), tone.get(s),
                    new ListRequest.Findings(s)));
        }
        return group("dashboard.group.findings", shown.toArray(Node[]::new));
    }

    /** Tiles under a caption; the groups wrap as wholes when the window narrows. */
    private Node group(String captionKey, Node... members) {
        Label caption = new Label(i18n.tr(captionKey));
        caption.getStyleClass().add("dashboard-caption");
        HBox row = new HBox(8, members);
        return new VBox(6, caption, row);
    }

    /** A big number over its label: a button, so Tab reaches it and Enter or a click opens what it counts. */
    private Button tile(String id, long count, String label, String tone, ListRequest opens) {
        Label number = new Label(numbers.format(count));
        number.getStyleClass().add("tile-number");
        Label text = new Label(label);
        text.getStyleClass().add("tile-label");
        VBox face = new VBox(2, number, text);
        face.setAlignment(Pos.TOP_LEFT);
        Button b = new Button(null, face);
        b.setMaxHeight(Region.USE_PREF_SIZE);
        b.setId(id);
        b.getStyleClass().add("dashboard-tile");
        if (tone != null) {
            b.getStyleClass().add(tone);
        }
        b.setAccessibleText(numbers.format(count) + " " + label);
        b.setTooltip(new Tooltip(i18n.tr("dashboard.open")));
        b.setOnAction(e -> model.open(opens));
        return b;
    }

    private Node card(String titleKey, String id, Node chart) {
        Label title = new Label(i18n.tr(titleKey));
        title.getStyleClass().add("dashboard-card-title");
        VBox card = new VBox(4, title, chart);
        card.getStyleClass().addAll("card", "dashboard-card");
        card.setId(id);
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.setMinWidth(0);
        return card;
    }

    // --- the charts ------------------------------------------------------------------------------------------

    /** One bar: its category text (name and count, so the number reads without hovering), colour and target. */
    private record Bar(String name, long count, String colour, ListRequest opens) {
    }

    private String category(String name, long count, boolean oneLine) {
        return name + (oneLine ? "  " : "\n") + numbers.format(count);
    }

    private Node classification(DashboardFigures f) {
        List<Bar> bars = new ArrayList<>();
        for (DashboardFigures.LevelCount l : f.byLevel()) {
            bars.add(new Bar(l.level().name(i18n.chinese()), l.count(), l.level().colour(),
                    datasets(DatasetFacet.CLASSIFICATION, l.level().code())));
        }
        bars.add(new Bar(i18n.tr("dashboard.notClassified"), f.notClassified(), "-color-neutral-emphasis",
                datasets(DatasetFacet.CLASSIFICATION, DatasetFacet.NONE)));
        return rows(bars);
    }

    private Node departments(DashboardFigures f) {
        List<Bar> bars = new ArrayList<>();
        List<DashboardFigures.DepartmentCount> all = f.byDepartment();
        for (DashboardFigures.DepartmentCount d : all.subList(0, Math.min(DEPARTMENT_BARS, all.size()))) {
            bars.add(new Bar(d.name(i18n.chinese()), d.count(), "-color-chart-1",
                    datasets(DatasetFacet.DEPARTMENT, d.code())));
        }
        if (all.size() <= DEPARTMENT_BARS) {
            return rows(bars);
        }
        // The rest as a link under the chart, not a bar: their sum would dwarf the departments shown.
        List<DashboardFigures.DepartmentCount> rest = all.subList(DEPARTMENT_BARS, all.size());
        Set<String> codes = new LinkedHashSet<>();
        rest.forEach(d -> codes.add(d.code()));
        long others = rest.stream().mapToLong(DashboardFigures.DepartmentCount::count).sum();
        javafx.scene.control.Hyperlink more = new javafx.scene.control.Hyperlink(i18n.tr("dashboard.otherDepartments",
                rest.size(), numbers.format(others)));
        more.setId("dashboard-other-departments");
        more.setOnAction(e -> model.open(datasets(DatasetFacet.DEPARTMENT, codes)));
        VBox chart = new VBox(rows(bars), more);
        chart.setAlignment(Pos.TOP_RIGHT);
        return chart;
    }

    private Node personalData(DashboardFigures f) {
        Map<PersonalData, String> colours = new EnumMap<>(Map.of(PersonalData.YES, "-color-warning-emphasis",
                PersonalData.NO, "-color-success-emphasis", PersonalData.NOT_RECORDED, "-color-neutral-emphasis"));
        PieChart pie = new PieChart();
        pie.setAnimated(false);
        pie.setLegendVisible(false);
        pie.setLabelsVisible(true);
        pie.setStartAngle(90);
        pie.setPrefHeight(250);
        pie.setMinHeight(220);
        pie.getStyleClass().add("dashboard-chart");
        for (PersonalData p : PersonalData.values()) {
            long n = f.personalData().get(p);
            if (n == 0) {
                continue; // a slice of nothing only crowds the labels
            }
            PieChart.Data slice = new PieChart.Data(category(i18n.tr(p.labelKey()), n, true), n);
            pie.getData().add(slice);
            reach(slice.getNode(), "-fx-pie-color: " + colours.get(p) + ";", slice.getName(),
                    datasets(DatasetFacet.PERSONAL_DATA, p.code()));
        }
        return pie;
    }

    private Node openData(DashboardFigures f) {
        Map<OpenDataStatus, String> colours = new EnumMap<>(Map.of(OpenDataStatus.NOT_PLANNED,
                "-color-neutral-emphasis", OpenDataStatus.PLANNED, "-color-accent-emphasis",
                OpenDataStatus.PUBLISHED, "-color-success-emphasis"));
        List<Bar> bars = new ArrayList<>();
        for (OpenDataStatus o : OpenDataStatus.values()) {
            bars.add(new Bar(i18n.tr(o.labelKey()), f.openData().get(o), colours.get(o),
                    datasets(DatasetFacet.OPEN_DATA_STATUS, o.code())));
        }
        return columns(bars);
    }

    private Node agreements(DashboardFigures f) {
        Map<AgreementStatus, String> colours = new EnumMap<>(AgreementStatus.class);
        colours.put(AgreementStatus.DRAFT, "-color-neutral-emphasis");
        colours.put(AgreementStatus.UNDER_NEGOTIATION, "-color-accent-emphasis");
        colours.put(AgreementStatus.ACTIVE, "-color-success-emphasis");
        colours.put(AgreementStatus.SUSPENDED, "-color-warning-emphasis");
        colours.put(AgreementStatus.EXPIRED, "-color-danger-emphasis");
        colours.put(AgreementStatus.TERMINATED, "-color-fg-subtle");
        List<Bar> bars = new ArrayList<>();
        for (AgreementStatus s : AgreementStatus.values()) {
            bars.add(new Bar(i18n.tr(s.labelKey()), f.agreementsByStatus().get(s), colours.get(s),
                    new ListRequest.Agreements(s, null)));
        }
        return rows(bars);
    }

    private Node assessments(DashboardFigures f) {
        Map<AssessmentStatus, String> colours = new EnumMap<>(AssessmentStatus.class);
        colours.put(AssessmentStatus.DRAFT, "-color-neutral-emphasis");
        colours.put(AssessmentStatus.SUBMITTED, "-color-accent-emphasis");
        colours.put(AssessmentStatus.CHANGES_REQUESTED, "-color-warning-emphasis");
        colours.put(AssessmentStatus.APPROVED, "-color-success-emphasis");
        colours.put(AssessmentStatus.APPROVED_WITH_CONDITIONS, "-color-success-muted");
        colours.put(AssessmentStatus.REJECTED, "-color-danger-emphasis");
        List<Bar> bars = new ArrayList<>();
        for (AssessmentStatus s : AssessmentStatus.values()) {
            bars.add(new Bar(i18n.tr(s.labelKey()), f.assessmentsByStatus().get(s), colours.get(s),
                    new ListRequest.Assessments(s, null)));
        }
        return rows(bars);
    }

    private Node risks(DashboardFigures f) {
        List<String> order = List.of("very-high", "high", "medium", "low");
        Map<String, String> colours = Map.of("very-high", "-color-danger-emphasis", "high", "-color-danger-fg",
                "medium", "-color-warning-emphasis", "low", "-color-success-emphasis");
        List<String> levels = new ArrayList<>(f.assessmentsByRisk().keySet());
        levels.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
        List<Bar> bars = new ArrayList<>();
        for (String level : levels) {
            String name = level.isEmpty() ? i18n.tr("assessments.level.none") : order.contains(level)
                    ? i18n.tr("assessments.level." + level) : level;
            bars.add(new Bar(name, f.assessmentsByRisk().get(level), colours.getOrDefault(level,
                    "-color-neutral-emphasis"), new ListRequest.Assessments(null, level)));
        }
        return rows(bars);
    }

    /** Known levels in their order, other templates' levels after them, "not rated" last. */
    private static int rank(List<String> order, String level) {
        int i = order.indexOf(level);
        return i >= 0 ? i : level.isEmpty() ? order.size() + 1 : order.size();
    }

    /** Upright bars, the names and counts under them. */
    private Node columns(List<Bar> bars) {
        CategoryAxis names = new CategoryAxis();
        NumberAxis counts = countAxis();
        BarChart<String, Number> chart = new BarChart<>(names, counts);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Bar b : bars) {
            series.getData().add(new XYChart.Data<>(category(b.name(), b.count(), false), b.count()));
        }
        chart.getData().add(series);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            reach(series.getData().get(i).getNode(), "-fx-bar-fill: " + b.colour() + ";",
                    category(b.name(), b.count(), true), b.opens());
        }
        return styled(chart, 260);
    }

    /** Lying bars, for long names (departments): the biggest on top. */
    private Node rows(List<Bar> bars) {
        CategoryAxis names = new CategoryAxis();
        NumberAxis counts = countAxis();
        BarChart<Number, String> chart = new BarChart<>(counts, names);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // The category axis runs bottom to top: add the last bar first so the list reads top down.
        for (int i = bars.size() - 1; i >= 0; i--) {
            Bar b = bars.get(i);
            series.getData().add(new XYChart.Data<>(b.count(), category(b.name(), b.count(), true)));
        }
        chart.getData().add(series);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(bars.size() - 1 - i);
            reach(series.getData().get(i).getNode(), "-fx-bar-fill: " + b.colour() + ";",
                    category(b.name(), b.count(), true), b.opens());
        }
        return styled(chart, Math.max(150, 30 * bars.size() + 60));
    }

    private <X, Y> Node styled(BarChart<X, Y> chart, double height) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(10);
        chart.setPrefHeight(height);
        chart.setMinHeight(height);
        chart.setVerticalGridLinesVisible(false);
        chart.getStyleClass().add("dashboard-chart");
        return chart;
    }

    /** Whole numbers only: a count of 2 must not show ticks at 0.5. */
    private NumberAxis countAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setMinorTickVisible(false);
        axis.setForceZeroInRange(true);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? numbers.format((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        axis.setSide(Side.BOTTOM);
        return axis;
    }

    /**
     * Makes a bar or slice open its list: coloured from the scheme or the theme, named for screen readers and the
     * tooltip, reachable with Tab and opened with Enter, Space or a click.
     */
    private void reach(Node node, String style, String name, ListRequest opens) {
        if (node == null) {
            return;
        }
        node.setStyle(style);
        node.getStyleClass().add("dashboard-bar");
        // The chart ties a bar's focus to the screen reader being on; here every bar is a way into a list.
        node.focusTraversableProperty().unbind();
        node.setFocusTraversable(true);
        node.accessibleTextProperty().unbind();
        node.setAccessibleText(name);
        node.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        Tooltip.install(node, new Tooltip(name + " · " + i18n.tr("dashboard.open")));
        node.setOnMouseClicked(e -> model.open(opens));
        node.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                model.open(opens);
                e.consume();
            }
        });
    }

    // --- click-through targets -------------------------------------------------------------------------------

    private static ListRequest datasets(DatasetFacet facet, String value) {
        return datasets(facet, value == null ? Set.of() : Set.of(value));
    }

    /** The inventory list under the dashboard's own filter (datasets in use), plus one facet's values. */
    private static ListRequest datasets(DatasetFacet facet, Set<String> values) {
        Map<DatasetFacet, Set<String>> filters = DashboardFigures.datasetsInUse();
        if (facet != null && !values.isEmpty()) {
            filters.put(facet, values);
        }
        return new ListRequest.Datasets(filters);
    }

    private Node emptyState() {
        Label heading = new Label(i18n.tr("dashboard.empty.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(i18n.tr("dashboard.empty.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button sample = new Button(i18n.tr("workbench.empty.loadSample"),
                new FontIcon(Material2OutlinedAL.LIBRARY_ADD));
        sample.setOnAction(e -> model.loadSample());
        VBox box = new VBox(10, new FontIcon(Material2OutlinedAL.DASHBOARD), heading, hint, sample);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(460);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.figures.get() != null
                && !model.figures.get().anyRecords(), model.figures));
        return box;
    }

    // --- PageView --------------------------------------------------------------------------------------------

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        model.dispose();
    }
}
