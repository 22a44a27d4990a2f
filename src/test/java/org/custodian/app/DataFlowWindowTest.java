package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.QuadCurve;
import javax.imageio.ImageIO;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * The data-flow map from the window, headless: the sample department's organisations and agreements are drawn;
 * clicking an edge opens its agreement on the register page, and so does Enter in the list beside the map; PNG and
 * SVG exports write their files. Screenshots in both languages and themes.
 */
class DataFlowWindowTest extends WorkbenchWindowTest {

    @Override
    int waitSeconds() {
        return 60;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    @SuppressWarnings("unchecked")
    private ListView<FlowEdge> list() {
        return lookup("#flows-list").queryAs(ListView.class);
    }

    private Pane map() {
        return lookup("#flow-map").queryAs(Pane.class);
    }

    private List<Group> edgeGroups() {
        return map().getChildren().stream().filter(n -> n.getStyleClass().contains("flow-edge"))
                .map(n -> (Group) n).toList();
    }

    private void openMap() throws Exception {
        interact(() -> model.pageProperty().set(Page.DATA_FLOWS));
        waitUntil("the map is drawn", () -> lookup("#flow-map").tryQuery().isPresent() && !edgeGroups().isEmpty()
                && !list().getItems().isEmpty());
    }

    private String shownReference() {
        return lookup("#agreement-reference").tryQuery().map(n -> ((TextInputControl) n).getText()).orElse("");
    }

    @Test
    void theMapIsDrawnOpensAgreementsAndExports() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get().datasets() == 302
                && session().assessments().total() > 0);
        interact(() -> stage.setWidth(1280));
        interact(() -> stage.setHeight(800));

        openMap();
        var expected = session().dataFlows().map(org.custodian.model.oversight.FlowFilter.current());
        assertEquals(expected.edges().size(), edgeGroups().size(), "every flow is drawn");
        assertEquals(expected.nodes().size(), map().getChildren().stream()
                .filter(n -> n.getStyleClass().contains("flow-node")).count(), "every organisation is drawn");
        assertTrue(expected.nodes().size() >= 25);
        assertTrue(lookup("#flow-node-hk-dpo").tryQuery().isPresent(), "the department");
        assertEquals(expected.edges(), list().getItems(), "the list beside the map names every edge");
        clearNotifications();
        shot(stage, "70-data-flow-map");

        // Clicking an edge opens its agreement: the SECRET one from EMSD to the Security Bureau.
        interact(() -> lookup("#flows-zoom-fit").queryButton().fire());
        Group secret = edgeGroups().stream().filter(g -> ((FlowEdge) g.getUserData()).reference()
                .equals("DSA-2023-002")).findFirst().orElseThrow();
        FlowEdge edge = (FlowEdge) secret.getUserData();
        Point2D middle = secret.getChildren().stream().filter(n -> n instanceof QuadCurve).findFirst()
                .map(n -> n.localToScreen(edge.path().midX(), edge.path().midY())).orElseThrow();
        interact(() -> list().getSelectionModel().select(edge));
        shot(stage, "71-data-flow-map-fit-chosen");
        clickOn(middle);
        waitUntil("the agreement opens", () -> model.pageProperty().get() == Page.AGREEMENTS
                && shownReference().equals("DSA-2023-002"));

        // The keyboard way: the list beside the map, Enter.
        openMap();
        FlowEdge other = list().getItems().stream().filter(e -> e.reference().equals("DSA-2023-018")).findFirst()
                .orElseThrow();
        interact(() -> {
            list().requestFocus();
            list().getSelectionModel().select(other);
        });
        type(KeyCode.ENTER);
        waitUntil("the list's agreement opens", () -> model.pageProperty().get() == Page.AGREEMENTS
                && shownReference().equals("DSA-2023-018"));

        // Exports: a PNG twice the drawing's size with its legend, and the SVG.
        openMap();
        Path png = home.resolve("flows.png");
        dialogs.files.add(png);
        clickOn("#flows-export-png");
        waitUntil("the PNG is written", () -> Files.exists(png) && dialogs.notified.stream()
                .anyMatch(n -> n.contains("flows.png")));
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "a PNG");
        BufferedImage picture = ImageIO.read(png.toFile());
        assertTrue(picture.getWidth() >= 2 * expected.width() && picture.getHeight() >= 2 * expected.height() - 2,
                picture.getWidth() + "×" + picture.getHeight() + " for " + expected.width() + "×"
                        + expected.height());
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(png, Path.of("target", "screenshots", "74-data-flow-map-export.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path svg = home.resolve("flows.svg");
        dialogs.files.add(svg);
        clickOn("#flows-export-svg");
        waitUntil("the SVG is written", () -> Files.exists(svg) && dialogs.notified.stream()
                .anyMatch(n -> n.contains("flows.svg")));
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("<svg") && text.contains("DSA-2023-002"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());

        // The filters: only cross-boundary transfers.
        interact(() -> lookup("#flows-types").queryAs(javafx.scene.control.MenuButton.class).getItems()
                .forEach(i -> ((javafx.scene.control.CheckMenuItem) i).setSelected(i.getText()
                        .equals("Cross-boundary transfer"))));
        waitUntil("only cross-boundary transfers show", () -> !list().getItems().isEmpty() && list().getItems()
                .stream().allMatch(e -> e.agreement().type()
                        == org.custodian.model.sharing.AgreementType.CROSS_BOUNDARY_TRANSFER));

        // Chinese and dark.
        interact(() -> model.setLanguage("zh-TW"));
        interact(() -> model.darkProperty().set(true));
        waitUntil("the map shows in Chinese", () -> lookup("#flow-map").tryQuery().isPresent()
                && !edgeGroups().isEmpty() && lookup("#flows-export-png").queryButton().getText().equals("匯出 PNG"));
        shot(stage, "72-data-flow-map-dark-zh");
        interact(() -> model.darkProperty().set(false));
        shot(stage, "73-data-flow-map-zh");
        interact(() -> model.setLanguage("en"));
        assertFalse(dialogs.notified.stream().anyMatch(n -> n.startsWith("error")), dialogs.notified.toString());
    }
}
