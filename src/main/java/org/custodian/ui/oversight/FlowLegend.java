package org.custodian.ui.oversight;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowPath;
import org.custodian.ui.common.I18n;

/** What the map's colours and marks mean: the levels (those not on the map muted), personal data, cross-boundary. */
final class FlowLegend {

    private FlowLegend() {
    }

    static VBox of(FlowMap map, I18n i18n) {
        VBox box = new VBox(4);
        box.getStyleClass().add("flow-legend");
        box.getChildren().add(heading(i18n.tr("flows.legend.level")));
        java.util.Set<String> used = new java.util.HashSet<>();
        boolean noLevel = false;
        if (map != null) {
            for (FlowEdge e : map.edges()) {
                if (e.level() == null) {
                    noLevel = true;
                } else {
                    used.add(e.level().code());
                }
            }
            for (ClassificationLevel level : map.levels()) {
                boolean on = used.contains(level.code());
                box.getChildren().add(row(sample(FlowMapDrawing.colour(level), false, false, 0),
                        level.name(i18n.chinese()) + (on ? "" : " " + i18n.tr("flows.legend.unused")), !on));
            }
        }
        if (noLevel) {
            box.getChildren().add(row(sample(FlowMapDrawing.NO_LEVEL, false, false, 0),
                    i18n.tr("flows.level.none"), false));
        }
        Label marks = heading(i18n.tr("flows.legend.marks"));
        VBox.setMargin(marks, new javafx.geometry.Insets(8, 0, 0, 0));
        box.getChildren().add(marks);
        String fg = "-color-fg-default";
        box.getChildren().addAll(
                row(sample(fg, true, false, 0), i18n.tr("flows.legend.personal"), false),
                row(sample(fg, false, true, 0), i18n.tr("flows.legend.crossBoundary"), false),
                row(sample(fg, false, false, 1), i18n.tr("flows.legend.direction"), false),
                row(sample(fg, false, false, 2), i18n.tr("flows.legend.mutual"), false));
        Circle department = new Circle(14, 10, 9);
        department.getStyleClass().addAll("flow-node-circle", "department");
        Pane departmentSample = new Pane(department);
        departmentSample.setMinSize(30, 20);
        departmentSample.setPrefSize(30, 20);
        departmentSample.setMaxSize(30, 20);
        box.getChildren().add(row(departmentSample, i18n.tr("flows.legend.department"), false));
        return box;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("flow-legend-heading");
        return l;
    }

    private static HBox row(Node sample, String text, boolean muted) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (muted) {
            label.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        }
        HBox row = new HBox(8, sample, label);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A short line as the map draws an edge: dashed, with a diamond, with no, one or two arrowheads. */
    private static Pane sample(String colour, boolean dashed, boolean diamond, int arrows) {
        Line line = new Line(2, 10, 28, 10);
        line.getStyleClass().add("flow-edge-line");
        line.setStyle("-fx-stroke: " + colour + ";");
        if (dashed) {
            line.getStrokeDashArray().setAll(7.0, 4.0);
        }
        Pane pane = new Pane(line);
        if (diamond) {
            Polygon d = new Polygon(15, 4, 21, 10, 15, 16, 9, 10);
            d.getStyleClass().add("flow-edge-diamond");
            d.setStyle("-fx-fill: " + colour + ";");
            pane.getChildren().add(d);
        }
        if (arrows > 0) {
            FlowPath p = new FlowPath(2, 10, 15, 10, 28, 10);
            Polygon end = new Polygon(p.arrowAtEnd());
            end.setStyle("-fx-fill: " + colour + ";");
            pane.getChildren().add(end);
            if (arrows > 1) {
                Polygon start = new Polygon(p.arrowAtStart());
                start.setStyle("-fx-fill: " + colour + ";");
                pane.getChildren().add(start);
            }
        }
        pane.setMinSize(30, 20);
        pane.setPrefSize(30, 20);
        pane.setMaxSize(30, 20);
        return pane;
    }
}
