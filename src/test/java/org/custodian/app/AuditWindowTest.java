package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEntry;
import org.custodian.model.inventory.Dataset;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * The audit log from the window, headless: Ctrl+0 opens it newest first; a record code and an action narrow it;
 * the chosen event shows its changes field by field and its hashes; Export CSV writes the filtered log; a
 * dataset's history opens the log filtered to it; Help › Verify says plainly that the chain is intact. Screenshots
 * in both languages and themes.
 */
class AuditWindowTest extends WorkbenchWindowTest {

    @Override
    int waitSeconds() {
        return 60;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    @SuppressWarnings("unchecked")
    private TableView<AuditEntry> log() {
        return lookup("#audit-table").queryAs(TableView.class);
    }

    private static Stage shown(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith(titleStart)).map(w -> (Stage) w).findFirst()
                .orElse(null);
    }

    @Test
    void theLogIsFilteredReadExportedAndReachedFromARecord() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get().datasets() == 302
                && session().assessments().total() > 0);
        interact(() -> stage.setWidth(1280));
        interact(() -> stage.setHeight(800));

        press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);
        assertEquals(Page.AUDIT, model.pageProperty().get());
        long events = session().audit().eventCount();
        waitUntil("the newest events show", () -> !log().getItems().isEmpty()
                && log().getItems().get(0).event().sequence() == events);
        assertEquals(100, log().getItems().size(), "a page at a time");
        Label count = lookup((Node n) -> n instanceof Label l && l.getStyleClass().contains("page-count")
                && l.isVisible() && l.getText().endsWith("events")).queryAs(Label.class);
        assertEquals(String.format("%,d events", events), count.getText());
        shot(stage, "60-audit-log");

        // A dataset's code and an action narrow the log; the chosen event shows what it changed.
        Dataset d = session().inventory().findByCode("TD-JTI-0001").orElseThrow();
        interact(() -> lookup("#audit-record").queryTextInputControl().setText("td-jti-0001"));
        waitUntil("only its events show", () -> !log().getItems().isEmpty() && log().getItems().stream()
                .allMatch(e -> e.event().entityId().equals(d.id().toString())));
        @SuppressWarnings("unchecked")
        ComboBox<String> action = lookup("#audit-action").queryAs(ComboBox.class);
        interact(() -> action.setValue("classify"));
        waitUntil("only its decisions show", () -> log().getItems().size() == 1
                && log().getItems().get(0).event().action().equals("classify"));
        interact(() -> log().getSelectionModel().clearAndSelect(0));
        waitUntil("the event opens", () -> lookup("#audit-detail").query().isVisible());
        GridPane changes = lookup("#audit-changes").queryAs(GridPane.class);
        assertTrue(changes.getChildren().stream().anyMatch(n -> n instanceof Label l
                && l.getText().equals("Classification")), "fields by their labels");
        assertTrue(changes.getChildren().stream().anyMatch(n -> n instanceof Label l
                && l.getStyleClass().contains("audit-after") && l.getText().equals("UNCLASSIFIED")),
                "the new value highlighted");
        AuditEntry chosen = log().getItems().get(0);
        assertTrue(lookup((Node n) -> n instanceof javafx.scene.control.TextInputControl t
                && chosen.event().hash().equals(t.getText())).tryQuery().isPresent(), "its hash, to copy");
        shot(stage, "61-audit-event");

        // Export CSV writes what the filters select, under the chain head.
        Path csv = home.resolve("td-jti-decisions.csv");
        dialogs.files.add(csv);
        clickOn("#audit-export-csv");
        waitUntil("the CSV is written", () -> Files.exists(csv) && dialogs.notified.stream()
                .anyMatch(n -> n.contains("td-jti-decisions.csv")));
        String text = Files.readString(csv);
        assertTrue(text.startsWith("\uFEFF# Custodian audit log; chain head "), text.substring(0, 60));
        assertTrue(text.contains("Filter: td-jti-0001 · Classified"), text.substring(0, 300));
        var rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setCommentMarker('#').get()
                .parse(new java.io.StringReader(text.substring(1))).getRecords();
        assertEquals(2, rows.size(), "the header and the one decision");
        assertEquals("classify", rows.get(1).get("action".equals(rows.get(0).get(6)) ? 6 : 0));

        // Export PDF opens the report preview of the same events.
        clickOn("#audit-export-pdf");
        waitUntil("the preview opens", () -> shown("Audit log report") != null);
        Stage preview = shown("Audit log report");
        waitUntil("the log is laid out", () -> {
            Label status = (Label) preview.getScene().lookup("#report-status");
            return status != null && status.getText().contains("page");
        });
        shot(preview, "62-audit-log-report");
        interact(preview::close);

        // A dataset's history opens the log filtered to that dataset.
        clickOn("#audit-clear-filters");
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        TableView<Dataset> datasets = lookup("#dataset-table").queryAs(TableView.class);
        waitUntil("the datasets show", () -> !datasets.getItems().isEmpty());
        Dataset first = datasets.getItems().get(0);
        interact(() -> datasets.getSelectionModel().clearAndSelect(0));
        waitUntil("the editor opens", () -> lookup("#dataset-editor").query().isVisible());
        TabPane tabs = lookup("#dataset-editor").lookup((Node n) -> n instanceof TabPane).queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().selectLast());
        waitUntil("the history link shows", () -> lookup("#dataset-history-open-log").tryQuery()
                .map(Node::isVisible).orElse(false));
        shot(stage, "65-dataset-history-link");
        clickOn("#dataset-history-open-log");
        waitUntil("the log shows that dataset", () -> model.pageProperty().get() == Page.AUDIT
                && !log().getItems().isEmpty() && log().getItems().stream()
                .allMatch(e -> e.event().entityId().equals(first.id().toString())));
        assertEquals(first.code(), lookup("#audit-record").queryTextInputControl().getText());

        // Help › Verify says plainly what it found.
        interact(model::verifyAuditChain);
        waitUntil("the verdict shows", () -> shown("Audit chain") != null);
        Stage verdict = shown("Audit chain");
        assertTrue(verdict.getScene().getRoot().lookupAll(".label").stream().anyMatch(n -> n instanceof Label l
                && l.getText() != null && l.getText().startsWith("The audit chain is intact: all ")),
                "intact, with its events and head");
        shot(verdict, "63-audit-verify");
        interact(verdict::close);

        // The same page in Chinese and the dark theme.
        interact(() -> model.setLanguage("zh-TW"));
        interact(() -> model.darkProperty().set(true));
        waitUntil("the log shows in Chinese", () -> lookup("#audit-table").tryQuery().isPresent()
                && log().getColumns().get(0).getText().equals("序號") && !log().getItems().isEmpty());
        interact(() -> log().getSelectionModel().clearAndSelect(0));
        waitUntil("the event opens", () -> lookup("#audit-detail").query().isVisible());
        shot(stage, "64-audit-log-zh-dark");
        interact(() -> model.darkProperty().set(false));
        interact(() -> model.setLanguage("en"));
        waitUntil("back to English", () -> log().getColumns().get(0).getText().equals("No."));
        assertTrue(dialogs.notified.stream().noneMatch(n -> n.startsWith("error")), dialogs.notified.toString());
        assertTrue(lookup("#audit-export-csv").queryAs(Button.class).isVisible());
    }
}
