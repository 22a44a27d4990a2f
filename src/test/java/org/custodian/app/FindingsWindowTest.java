package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.oversight.FindingRule;
import org.custodian.model.oversight.FindingState;
import org.custodian.model.oversight.Severity;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * The findings page, headless: the sample department's findings listed and filtered, a finding's records opened
 * from it, and one accepted with a reason and an expiry, after which it shows in the accepted list.
 */
class FindingsWindowTest extends WorkbenchWindowTest {

    @Override
    int waitSeconds() {
        return 60;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    private void loadSample() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get() != null
                && model.summaryProperty().get().datasets() == 302 && session().assessments().total() > 0);
    }

    @SuppressWarnings("unchecked")
    private TableView<FindingState> table() {
        return lookup("#findings-table").queryAs(TableView.class);
    }

    @Test
    void theDashboardsHighTileOpensTheOpenHighFindings() throws Exception {
        loadSample();
        waitUntil("the dashboard shows its findings tile", () -> model.pageProperty().get() == Page.DASHBOARD
                && lookup("#dashboard-tile-findings-high").tryQuery().isPresent());
        int high = session().findings().openBySeverity(session().findings().today()).get(Severity.HIGH);
        assertTrue(high > 0);
        waitUntil("the tile counts them", () -> lookup("#dashboard-tile-findings-high").queryAs(Button.class)
                .lookupAll(".tile-number").stream().anyMatch(n -> ((javafx.scene.control.Label) n).getText()
                        .equals(String.valueOf(high))));
        interact(() -> lookup("#dashboard-tile-findings-high").queryAs(Button.class).fire());
        waitUntil("the findings page shows the open high ones", () -> model.pageProperty().get() == Page.FINDINGS
                && lookup("#findings-table").tryQuery().isPresent() && table().getItems().size() == high);
        assertTrue(table().getItems().stream().allMatch(s -> s.open() && s.finding().severity() == Severity.HIGH));
        @SuppressWarnings("unchecked")
        ComboBox<Severity> severity = lookup("#findings-severity").queryAs(ComboBox.class);
        assertEquals(Severity.HIGH, severity.getValue(), "the filter says what is applied");

        // Export writes what the list shows
        java.nio.file.Path csv = home.resolve("high-findings.csv");
        dialogs.files.add(csv);
        javafx.application.Platform.runLater(() -> lookup("#findings-export").queryAs(Button.class).fire());
        waitUntil("the findings are written", () -> dialogs.notified.stream()
                .anyMatch(m -> m.equals(high + " findings written to high-findings.csv.")));
        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFseverity,rule,records,department,status"), lines.get(0));
        assertEquals(high, lines.stream().skip(1).filter(l -> l.startsWith("high,")).count());
    }

    @Test
    void theFindingsAreListedFilteredOpenedAndAccepted() throws Exception {
        loadSample();
        interact(() -> model.pageProperty().set(Page.FINDINGS));
        waitUntil("the findings page lists the open findings", () -> lookup("#findings-table").tryQuery()
                .isPresent() && !table().getItems().isEmpty());
        int open = session().findings().evaluate(session().findings().today()).open().size();
        assertEquals(open, table().getItems().size(), "every open finding, unfiltered");
        assertEquals(Severity.HIGH, table().getItems().get(0).finding().severity(), "highest severity first");

        // filter by rule: the ceiling finding
        @SuppressWarnings("unchecked")
        ComboBox<FindingRule> rule = lookup("#findings-rule").queryAs(ComboBox.class);
        interact(() -> rule.setValue(FindingRule.CEILING_BELOW_LEVEL));
        waitUntil("only the ceiling finding", () -> table().getItems().size() == 1);
        interact(() -> table().getSelectionModel().select(0));
        waitUntil("its detail", () -> lookup("#finding-record-DSA-2022-013").tryQuery().isPresent());
        assertTrue(lookup("#finding-detail-message").queryAs(javafx.scene.control.Label.class).getText()
                .contains("LCSD-BOOK-0001"));
        interact(() -> rule.setValue(null));
        waitUntil("all again", () -> table().getItems().size() == open);
        interact(() -> table().getSelectionModel().select(0));
        clearNotifications();
        shot(stage, "90-findings");

        // the agreement link opens it on the agreements page
        interact(() -> rule.setValue(FindingRule.CEILING_BELOW_LEVEL));
        waitUntil("only the ceiling finding", () -> table().getItems().size() == 1);
        interact(() -> table().getSelectionModel().select(0));
        waitUntil("its detail", () -> lookup("#finding-record-DSA-2022-013").tryQuery().isPresent());
        Hyperlink agreement = lookup("#finding-record-DSA-2022-013").queryAs(Hyperlink.class);
        interact(agreement::fire);
        waitUntil("the agreements page opens", () -> model.pageProperty().get() == Page.AGREEMENTS);
        waitUntil("showing DSA-2022-013", () -> lookup((Node n) -> n instanceof javafx.scene.control.TextField t
                && t.isVisible() && "DSA-2022-013".equals(t.getText())).tryQuery().isPresent());

        // accept the personal-data-without-retention finding
        interact(() -> model.pageProperty().set(Page.FINDINGS));
        waitUntil("back on the findings", () -> lookup("#findings-table").tryQuery().isPresent()
                && !table().getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<FindingRule> again = lookup("#findings-rule").queryAs(ComboBox.class);
        interact(() -> again.setValue(FindingRule.PERSONAL_DATA_NO_RETENTION));
        waitUntil("the retention finding", () -> table().getItems().size() == 1);
        interact(() -> table().getSelectionModel().select(0));
        javafx.application.Platform.runLater(() -> lookup("#findings-accept").queryAs(Button.class).fire());
        waitUntil("the accept form", () -> lookup("#finding-accept-reason").tryQuery().isPresent());
        // without a reason the form stays open and says why
        clickOn(lookup((Node n) -> n instanceof Button b && b.isVisible() && "Accept finding".equals(b.getText()))
                .queryAs(Button.class));
        waitUntil("the reason is asked for", () -> lookup("#finding-accept-reason-error").tryQuery()
                .map(n -> !((javafx.scene.control.Label) n).getText().isBlank()).orElse(false));
        interact(() -> lookup("#finding-accept-reason").queryAs(TextArea.class)
                .setText("The roads office is setting the retention in the new schedule, due in February."));
        shot(lookup("#finding-accept-reason").query().getScene().getWindow(), "92-finding-accept");
        clickOn(lookup((Node n) -> n instanceof Button b && b.isVisible() && "Accept finding".equals(b.getText()))
                .queryAs(Button.class));
        waitUntil("it leaves the open list", () -> table().getItems().isEmpty());
        assertTrue(session().findings().evaluate(session().findings().today()).accepted().stream()
                .anyMatch(s -> s.finding().rule() == FindingRule.PERSONAL_DATA_NO_RETENTION));
        clickOn("#findings-shown-accepted");
        waitUntil("the accepted list shows it", () -> table().getItems().size() == 1
                && !table().getItems().get(0).open());

        // the same page in Chinese and the dark theme
        interact(() -> model.setLanguage("zh-TW"));
        interact(() -> model.darkProperty().set(true));
        interact(() -> model.pageProperty().set(Page.FINDINGS));
        waitUntil("the findings in Chinese", () -> lookup("#findings-table").tryQuery().isPresent()
                && !table().getItems().isEmpty());
        interact(() -> table().getSelectionModel().select(0));
        clearNotifications();
        shot(stage, "91-findings-dark-zh");
        interact(() -> model.darkProperty().set(false));
        interact(() -> model.setLanguage("en"));
    }
}
