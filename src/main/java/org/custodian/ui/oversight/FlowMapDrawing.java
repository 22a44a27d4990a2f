package org.custodian.ui.oversight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurve;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.custodian.logic.oversight.FlowLabel;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowNode;
import org.custodian.model.oversight.FlowPath;

/**
 * Draws a laid-out map with JavaFX shapes: edges in their level's colour (dashed for personal data, a diamond
 * halfway when cross-boundary, arrowheads at the recipient) under the organisations' circles and names. Theme
 * colours come from the stylesheet (the {@code flow-*} classes); only the levels' colours are the scheme's.
 */
final class FlowMapDrawing {

    /** Wider than any name line the layout allows, so a line is never wrapped again. */
    private static final double TEXT_WIDTH = FlowLabel.MAX_WIDTH + 40;
    static final String NO_LEVEL = "-color-fg-subtle";

    private final Pane pane = new Pane();
    private final Map<FlowEdge, Group> groups = new HashMap<>();
    private final Consumer<FlowEdge> onClick;
    private final Function<FlowEdge, String> tooltip;
    private FlowEdge highlighted;

    /**
     * @param onClick what a click on an edge does (null: a picture for export, not clickable)
     * @param tooltip what hovering an edge shows (null: none)
     */
    FlowMapDrawing(Consumer<FlowEdge> onClick, Function<FlowEdge, String> tooltip) {
        this.onClick = onClick;
        this.tooltip = tooltip;
        pane.getStyleClass().add("flow-map");
        pane.setId("flow-map");
    }

    Pane node() {
        return pane;
    }

    void show(FlowMap map, boolean chinese) {
        pane.getChildren().clear();
        groups.clear();
        highlighted = null;
        if (map == null) {
            pane.setPrefSize(0, 0);
            return;
        }
        pane.setPrefSize(map.width(), map.height());
        pane.setMinSize(map.width(), map.height());
        pane.setMaxSize(map.width(), map.height());
        int i = 0;
        for (FlowEdge e : map.edges()) {
            Group g = edge(e);
            g.setId("flow-edge-" + (++i));
            groups.put(e, g);
            pane.getChildren().add(g);
        }
        for (FlowNode n : map.nodes()) {
            pane.getChildren().add(node(n, chinese));
        }
    }

    /** Marks one edge as chosen (thicker, on top); null clears. */
    void highlight(FlowEdge edge) {
        if (highlighted != null && groups.containsKey(highlighted)) {
            groups.get(highlighted).getStyleClass().remove("chosen");
        }
        highlighted = edge;
        Group g = edge == null ? null : groups.get(edge);
        if (g != null) {
            g.getStyleClass().add("chosen");
            g.toFront();
            // Names stay above every edge.
            pane.getChildren().stream().filter(n -> n.getStyleClass().contains("flow-node")).toList()
                    .forEach(javafx.scene.Node::toFront);
        }
    }

    /** The edge group drawn for an edge (tests click it). */
    Group group(FlowEdge edge) {
        return groups.get(edge);
    }

    private Group edge(FlowEdge e) {
        FlowPath p = e.path();
        String colour = colour(e.level());
        QuadCurve line = curve(p);
        line.getStyleClass().add("flow-edge-line");
        line.setStyle("-fx-stroke: " + colour + ";");
        if (e.agreement().personalData()) {
            line.getStrokeDashArray().setAll(7.0, 4.0);
        }
        Group g = new Group(line, arrow(p.arrowAtEnd(), colour));
        if (e.mutual()) {
            g.getChildren().add(arrow(p.arrowAtStart(), colour));
        }
        if (e.agreement().crossBoundary()) {
            double x = p.midX();
            double y = p.midY();
            Polygon diamond = new Polygon(x, y - 6, x + 6, y, x, y + 6, x - 6, y);
            diamond.getStyleClass().add("flow-edge-diamond");
            diamond.setStyle("-fx-fill: " + colour + ";");
            g.getChildren().add(diamond);
        }
        g.getStyleClass().add("flow-edge");
        g.setUserData(e);
        if (onClick != null) {
            // A wide transparent twin of the line catches the pointer near it, not only on its 2 pixels.
            QuadCurve hit = curve(p);
            hit.getStyleClass().add("flow-edge-hit");
            g.getChildren().add(0, hit);
            // A drag that starts on an edge pans the map; only a click that stayed put opens the agreement.
            g.setOnMouseClicked(ev -> {
                if (ev.isStillSincePress()) {
                    onClick.accept(e);
                }
            });
            g.setCursor(javafx.scene.Cursor.HAND);
        }
        if (tooltip != null) {
            Tooltip tip = new Tooltip(tooltip.apply(e));
            tip.setShowDelay(Duration.millis(250));
            tip.setShowDuration(Duration.seconds(30));
            Tooltip.install(g, tip);
        }
        return g;
    }

    private static QuadCurve curve(FlowPath p) {
        QuadCurve c = new QuadCurve(p.startX(), p.startY(), p.controlX(), p.controlY(), p.endX(), p.endY());
        c.setFill(null);
        return c;
    }

    private static Polygon arrow(double[] points, String colour) {
        Polygon arrow = new Polygon(points);
        arrow.getStyleClass().add("flow-edge-arrow");
        arrow.setStyle("-fx-fill: " + colour + ";");
        return arrow;
    }

    private static Group node(FlowNode n, boolean chinese) {
        Circle circle = new Circle(n.x(), n.y(), n.radius());
        circle.getStyleClass().add("flow-node-circle");
        if (n.department()) {
            circle.getStyleClass().add("department");
        }
        String lines = String.join("\n", FlowLabel.lines(n.organisation().name(chinese)));
        // The name twice: an outline in the background colour, then the letters, readable over an edge.
        Text halo = text(lines, n);
        halo.getStyleClass().add("flow-node-halo");
        Text name = text(lines, n);
        name.getStyleClass().add("flow-node-name");
        if (n.department()) {
            halo.getStyleClass().add("department");
            name.getStyleClass().add("department");
        }
        Group g = new Group(circle, halo, name);
        g.getStyleClass().add("flow-node");
        g.setId("flow-node-" + n.code());
        g.setMouseTransparent(true);
        return g;
    }

    private static Text text(String lines, FlowNode n) {
        Text t = new Text(lines);
        t.setTextAlignment(TextAlignment.CENTER);
        t.setWrappingWidth(TEXT_WIDTH);
        t.setTextOrigin(javafx.geometry.VPos.TOP);
        t.setLineSpacing(FlowLabel.LINE_HEIGHT - FlowLabel.FONT_SIZE - 3);
        t.setX(n.x() - TEXT_WIDTH / 2);
        t.setY(n.y() + n.radius() + 2);
        return t;
    }

    /** A level's colour from the scheme when it is a plain colour, else the theme's subtle text colour. */
    static String colour(ClassificationLevel level) {
        if (level == null || level.colour() == null) {
            return NO_LEVEL;
        }
        String c = level.colour().strip();
        return c.matches("#[0-9A-Fa-f]{3}([0-9A-Fa-f]{3})?") ? c : NO_LEVEL;
    }

    List<FlowEdge> edges() {
        return List.copyOf(groups.keySet());
    }
}
