package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.oversight.DashboardFigures;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * The dashboard from the window, headless: it is the first screen once the sample is loaded; a classification bar
 * opens the inventory filtered to that level with as many rows as the bar counts; an expiry tile opens the
 * agreements list filtered to that window with the tile's number. Screenshots in light English and dark Chinese.
 */
class DashboardWindowTest extends WorkbenchWindowTest {

    @Override
    int waitSeconds() {
        return 60;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    private String tileNumber(String id) {
        return lookup(id).queryAs(Button.class).getGraphic().lookup(".tile-number") instanceof Label l
                ? l.getText() : "";
    }

    /** The visible page's count in its header ("37 of 302 datasets", "12 agreements"). */
    private String pageCount() {
        return lookup((Node n) -> n instanceof Label l && l.getStyleClass().contains("page-count") && l.isVisible()
                && l.getScene() != null && !l.getText().isEmpty()).tryQuery().map(n -> ((Label) n).getText())
                .orElse("");
    }

    @Test
    void theDashboardIsTheFirstScreenAndItsNumbersOpenTheirLists() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        assertEquals(Page.WORKBENCH, model.pageProperty().get(), "an empty workbench opens on the workbench page");
        interact(() -> stage.setWidth(1280));
        interact(() -> stage.setHeight(800));
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get().datasets() == 302
                && session().assessments().total() > 0);
        assertEquals(Page.DASHBOARD, model.pageProperty().get(), "the loaded sample opens the dashboard");

        DashboardFigures figures = session().dashboard().figures(session().dashboard().today());
        waitUntil("the tiles show the figures", () -> lookup("#dashboard-tile-datasets").tryQuery().isPresent()
                && tileNumber("#dashboard-tile-datasets").equals(String.format(Locale.ENGLISH, "%,d",
                figures.datasets())));
        assertEquals(Long.toString(figures.agreementsByStatus().get(AgreementStatus.ACTIVE)),
                tileNumber("#dashboard-tile-agreements-active"));
        assertEquals(Long.toString(figures.expiringWithin().get(90)), tileNumber("#dashboard-tile-expiring-90"));

        // A bar of the classification chart, from the keyboard: the inventory filtered to that level.
        DashboardFigures.LevelCount restricted = figures.byLevel().stream()
                .filter(l -> l.level().code().equals("RESTRICTED")).findFirst().orElseThrow();
        assertTrue(restricted.count() > 0);
        Node bar = lookup("#dashboard-chart-classification").lookup(".dashboard-bar")
                .match((Node n) -> n.getAccessibleText() != null && n.getAccessibleText().startsWith("RESTRICTED"))
                .query();
        interact(bar::requestFocus);
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil("the inventory opens", () -> model.pageProperty().get() == Page.DATASETS);
        waitUntil("it shows as many datasets as the bar counts", () -> pageCount().equals(restricted.count()
                + " of 302 datasets"));
        Label filter = lookup("#dataset-filter-text").queryAs(Label.class);
        assertTrue(filter.isVisible() && filter.getText().contains("RESTRICTED"), filter.getText());
        shot(stage, "82-datasets-from-dashboard");

        // A tile, clicked: the agreements in force expiring within 90 days.
        interact(() -> model.pageProperty().set(Page.DASHBOARD));
        long expiring = figures.expiringWithin().get(90);
        assertTrue(expiring > 0, "the sample has agreements expiring within 90 days");
        clickOn("#dashboard-tile-expiring-90");
        waitUntil("the agreements list opens", () -> model.pageProperty().get() == Page.AGREEMENTS);
        waitUntil("it shows the tile's number", () -> pageCount().equals(expiring + " of "
                + figures.agreements() + " agreements"));
        @SuppressWarnings("unchecked")
        ComboBox<Integer> window = lookup((Node n) -> n instanceof ComboBox<?> c && Integer.valueOf(90)
                .equals(c.getValue())).queryAs(ComboBox.class);
        assertEquals(90, window.getValue(), "the filter bar says what is applied");

        // An overdue-reviews tile opens the reviews queue filtered to that kind, overdue only.
        interact(() -> model.pageProperty().set(Page.DASHBOARD));
        interact(() -> lookup("#dashboard-tile-overdue-classification").queryAs(Button.class).fire());
        waitUntil("the reviews page opens", () -> model.pageProperty().get() == Page.REVIEWS);
        @SuppressWarnings("unchecked")
        ComboBox<Integer> within = lookup("#reviews-within").queryAs(ComboBox.class);
        assertEquals(org.custodian.model.classification.ReviewQuery.OVERDUE, within.getValue());

        // Shot last, when the sample's notification has gone: the top of the page, then its charts.
        interact(() -> model.pageProperty().set(Page.DASHBOARD));
        waitUntil("the tiles show again and the notice has gone", () -> lookup("#dashboard-tile-datasets").tryQuery()
                .isPresent() && lookup((Node n) -> n instanceof atlantafx.base.controls.Notification).tryQuery()
                .isEmpty());
        shot(stage, "80-dashboard");
        interact(() -> lookup("#dashboard-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        shot(stage, "83-dashboard-charts");
        interact(() -> lookup("#dashboard-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));

        interact(() -> model.setLanguage("zh-TW"));
        interact(() -> model.darkProperty().set(true));
        interact(() -> model.pageProperty().set(Page.DASHBOARD));
        waitUntil("the dashboard speaks Chinese", () -> lookup("#dashboard-tile-datasets").tryQuery().isPresent()
                && lookup((Node n) -> n instanceof Label l && "使用中的數據集".equals(l.getText())).tryQuery()
                .isPresent());
        shot(stage, "81-dashboard-dark-zh");
        interact(() -> lookup("#dashboard-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        shot(stage, "84-dashboard-charts-dark-zh");
        interact(() -> model.darkProperty().set(false));
        interact(() -> model.setLanguage("en"));
    }
}
