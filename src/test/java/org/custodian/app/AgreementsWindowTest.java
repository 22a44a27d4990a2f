package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.sharing.AgreementDue;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.Attachment;
import org.custodian.model.sharing.DueKind;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * The sharing agreements register in the real window, headless: the register filtered and searched, a new
 * agreement refused for a dataset above its ceiling and then saved, made active through the status dialog with its
 * timeline, a signed copy attached and flagged once its kept copy changes, the due list opening the expired
 * agreement still marked active, and the dataset page listing the agreements that cover it.
 */
class AgreementsWindowTest extends WorkbenchWindowTest {

    private static final String EXPIRED_BUT_ACTIVE = "DSA-2022-017";
    private static final String CONFIDENTIAL_DATASET = "TD-DL-0001";

    @Override
    int waitSeconds() {
        return 30;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    private Button button(String text) {
        return lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && b.isVisible())
                .queryAs(Button.class);
    }

    private void type(String id, String text) {
        interact(() -> lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    @SuppressWarnings("unchecked")
    private void choose(String id, Object value) {
        interact(() -> lookup(id).queryAs(ComboBox.class).setValue(value));
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return lookup(id).queryAs(TableView.class);
    }

    private String error(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private void selectTab(String id) {
        interact(() -> {
            Tab tab = lookup((Node n) -> n instanceof TabPane).queryAllAs(TabPane.class).stream()
                    .flatMap(p -> p.getTabs().stream()).filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
            tab.getTabPane().getSelectionModel().select(tab);
        });
    }

    @Test
    void theRegisterRecordsAnAgreementThroughItsLifecycle() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get().agreements() == 32);
        long overdue = session().sharing().overdueCount();
        assertTrue(overdue > 0, "the sample has overdue expiries and reviews");
        waitUntil("the sidebar counts them", () -> lookup("#nav-agreements-overdue").queryAs(Label.class).getText()
                .equals(String.valueOf(overdue)));

        // The register: every agreement, then filtered and searched in SQLite.
        press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertEquals(Page.AGREEMENTS, model.pageProperty().get());
        TableView<SharingAgreement> agreements = table("#agreements-table");
        waitUntil("the register shows", () -> agreements.getItems().size() == 32);
        shot(stage, "30-agreements-register");
        choose("#agreements-status", AgreementStatus.TERMINATED);
        waitUntil("the status filter applies", () -> !agreements.getItems().isEmpty() && agreements.getItems()
                .stream().allMatch(a -> a.status() == AgreementStatus.TERMINATED));
        choose("#agreements-status", null);
        choose("#agreements-expiring", 30);
        waitUntil("the expiry filter lists the one past its date", () -> agreements.getItems().stream()
                .anyMatch(a -> a.reference().equals(EXPIRED_BUT_ACTIVE)) && agreements.getItems().stream()
                .allMatch(a -> a.status().inForce() && !a.expiresOn().isAfter(session().sharing().today()
                        .plusDays(30))));
        choose("#agreements-expiring", null);
        type("#agreement-search", "unauthorised building");
        waitUntil("the search finds the agreement", () -> agreements.getItems().size() == 1
                && agreements.getItems().get(0).reference().equals(EXPIRED_BUT_ACTIVE));
        type("#agreement-search", "");

        // A new agreement: a CONFIDENTIAL dataset above a RESTRICTED ceiling is refused, nothing is written.
        waitUntil("the register shows everything again", () -> agreements.getItems().size() == 32);
        clickOn("#agreement-new");
        waitUntil("the editor opens", () -> lookup("#agreement-editor").query().isVisible());
        type("#agreement-reference", "DSA-2026-900");
        type("#agreement-title", "Driving Licence Checks for Traffic Enforcement");
        choose("#agreement-type", "inter-departmental-api");
        type("#agreement-purpose", "Lets the Police confirm a driver's licence class and validity at the roadside.");
        type("#party-organisation-0", "Transport Department");
        type("#party-organisation-1", "Hong Kong Police Force");
        type("#dataset-code-0", CONFIDENTIAL_DATASET);
        type("#dataset-items-0", "licence number, licence class, expiry date");
        choose("#agreement-classification-ceiling", "RESTRICTED");
        choose("#agreement-mechanism", "api");
        clickOn("#agreement-save");
        waitUntil("the dataset above the ceiling is refused", () -> error("#agreement-datasets-error")
                .contains("above the agreement’s ceiling"));
        assertTrue(session().sharing().findByReference("DSA-2026-900").isEmpty(), "nothing was saved");
        shot(stage, "31-agreement-refused");

        choose("#agreement-classification-ceiling", "CONFIDENTIAL");
        type("#agreement-personal-data-categories", "name;licence number");
        choose("#agreement-legal-basis", "statutory-function");
        type("#agreement-expires-on", "2029-03-31");
        clickOn("#agreement-save");
        waitUntil("the agreement is saved as a draft", () -> session().sharing().findByReference("DSA-2026-900")
                .map(a -> a.status() == AgreementStatus.DRAFT && a.parties().size() == 2
                        && a.datasets().get(0).dataItems().size() == 3).orElse(false));
        SharingAgreement saved = session().sharing().findByReference("DSA-2026-900").orElseThrow();
        waitUntil("the covered dataset's row shows its level and personal data", () -> lookup((Node n) ->
                n instanceof org.custodian.ui.common.LevelChip c && c.isVisible() && "CONFIDENTIAL".equals(c.getText())
                        && isInside(n, "agreement-editor")).tryQuery().isPresent() && lookup((Node n) ->
                n instanceof Label l && l.isVisible() && "holds personal data".equals(l.getText())).tryQuery()
                .isPresent());
        assertEquals(List.of("hk-td", "hk-hkpf"), saved.partyCodes());

        // Made active through the status dialog; the timeline records both steps with the reason.
        waitUntil("the editor holds the saved record", () -> lookup("#agreement-change-status").queryAs(Button.class)
                .isDisabled() == false);
        clickOn("#agreement-change-status");
        waitUntil("the status dialog opens", () -> lookup("#status-to").tryQuery().isPresent());
        javafx.stage.Window dialog = lookup("#status-to").query().getScene().getWindow();
        choose("#status-to", AgreementStatus.ACTIVE);
        type("#status-reason", "Signed by both departments.");
        shot(dialog, "32-agreement-status-dialog");
        clickOn(button("Record the change"));
        waitUntil("the agreement is active", () -> session().sharing().findByReference("DSA-2026-900")
                .map(a -> a.status() == AgreementStatus.ACTIVE).orElse(false));
        selectTab("tab-agreement-status");
        @SuppressWarnings("unchecked")
        ListView<Object> timeline = lookup("#agreement-timeline").queryAs(ListView.class);
        waitUntil("the timeline shows both steps", () -> timeline.getItems().size() == 2);
        assertEquals("Signed by both departments.", session().sharing().timeline(saved.id()).get(1).reason());
        shot(stage, "33-agreement-timeline");

        // A signed copy: attached with its hash, opened while intact, flagged once the kept copy changes.
        Path signed = home.resolve("signed-DSA-2026-900.pdf");
        Files.writeString(signed, "%PDF-1.4 signed copy");
        selectTab("tab-agreement-attachments");
        dialogs.files.add(signed);
        // Fired, not clicked: the last notification may lie over the drawer's lower buttons for a few seconds.
        interact(() -> lookup("#agreement-attach").queryAs(Button.class).fire());
        @SuppressWarnings("unchecked")
        ListView<Object> files = lookup("#agreement-attachments").queryAs(ListView.class);
        waitUntil("the attachment is listed", () -> files.getItems().size() == 1);
        Attachment attachment = session().sharing().attachments(saved.id()).get(0);
        interact(() -> files.getSelectionModel().select(0));
        interact(() -> lookup("#agreement-attachment-open").queryAs(Button.class).fire());
        waitUntil("an intact copy opens", () -> dialogs.opened.size() == 1);
        Files.writeString(session().sharing().fileOf(attachment), "%PDF-1.4 altered");
        interact(() -> lookup("#agreement-attachment-open").queryAs(Button.class).fire());
        waitUntil("the changed copy is flagged", () -> lookup((Node n) -> n instanceof Button b
                && "Open it anyway".equals(b.getText())).tryQuery().isPresent());
        shot(lookup((Node n) -> n instanceof Button b && "Open it anyway".equals(b.getText())).query().getScene()
                .getWindow(), "34-attachment-changed");
        clickOn(button("Cancel"));
        assertEquals(1, dialogs.opened.size(), "a changed copy is not opened without asking");

        // The due list: the expired agreement still marked active, opened on the register.
        press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        TableView<AgreementDue> due = table("#agreements-due-table");
        waitUntil("the due list shows", () -> !due.getItems().isEmpty());
        AgreementDue expired = due.getItems().stream().filter(d -> d.reference().equals(EXPIRED_BUT_ACTIVE)
                && d.kind() == DueKind.EXPIRY).findFirst().orElseThrow();
        assertTrue(expired.overdue(session().sharing().today()));
        assertEquals(due.getItems().get(0).dueOn(), due.getItems().stream().map(AgreementDue::dueOn)
                .min(java.util.Comparator.naturalOrder()).orElseThrow(), "most overdue first");
        shot(stage, "35-agreements-due");
        interact(() -> due.getSelectionModel().select(expired));
        clickOn("#agreements-due-open");
        waitUntil("the register opens the agreement", () -> model.pageProperty().get() == Page.AGREEMENTS
                && lookup("#agreement-heading").queryAs(Label.class).getText().startsWith(EXPIRED_BUT_ACTIVE));

        // Import: the whole file is checked first and every rejected row listed; only then are the rows taken.
        Path file = home.resolve("two-agreements.csv");
        Files.writeString(file, "reference,title,type,status,purpose,parties,datasets\n"
                + "DSA-2026-901,Weather Radar Images,other,draft,Radar images for the flood warning desk.,"
                + "provider:hk-hko;recipient:hk-dsd,\n"
                + "DSA-2026-902,Bad Row,no-such-type,draft,A row the importer refuses.,,\n");
        dialogs.files.add(file);
        interact(() -> lookup("#agreement-import").queryAs(Button.class).fire());
        waitUntil("the check lists the rejected row", () -> lookup((Node n) -> n instanceof Button b
                && "Import now (1 accepted)".equals(b.getText())).tryQuery().isPresent());
        assertTrue(lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().contains("Line 3, type"))
                .tryQuery().isPresent(), "the rejected row is named with its line and column");
        shot(lookup((Node n) -> n instanceof Button b && "Import now (1 accepted)".equals(b.getText())).query()
                .getScene().getWindow(), "37-agreements-import-check");
        assertTrue(session().sharing().findByReference("DSA-2026-901").isEmpty(), "nothing is taken before confirming");
        // First the rejected rows are saved to fix (nothing imported), then the file is checked again and taken.
        Path rejected = home.resolve("rejected-agreements.csv");
        dialogs.files.add(rejected);
        clickOn(button("Save the rejected rows to fix them (imports nothing)…"));
        waitUntil("the rejected rows are written", () -> Files.exists(rejected));
        assertTrue(Files.readString(rejected).contains("DSA-2026-902"));
        assertTrue(session().sharing().findByReference("DSA-2026-901").isEmpty());
        dialogs.files.add(file);
        interact(() -> lookup("#agreement-import").queryAs(Button.class).fire());
        waitUntil("the check shows again", () -> lookup((Node n) -> n instanceof Button b
                && "Import now (1 accepted)".equals(b.getText())).tryQuery().isPresent());
        clickOn(button("Import now (1 accepted)"));
        waitUntil("the accepted row is imported", () -> session().sharing().findByReference("DSA-2026-901")
                .isPresent());
        assertTrue(session().sharing().findByReference("DSA-2026-902").isEmpty());

        // The dataset page lists the agreements that cover the dataset.
        interact(() -> model.openRecord(new org.custodian.ui.common.RecordLink(
                org.custodian.ui.common.RecordLink.DATASET, session().inventory().findByCode(CONFIDENTIAL_DATASET)
                .orElseThrow().id())));
        waitUntil("the dataset opens", () -> model.pageProperty().get() == Page.DATASETS
                && lookup("#dataset-editor").query().isVisible());
        selectTab("tab-agreements");
        @SuppressWarnings("unchecked")
        ListView<SharingAgreement> covering = lookup("#dataset-agreements-list").queryAs(ListView.class);
        waitUntil("the agreement covering it is listed", () -> covering.getItems().stream()
                .anyMatch(a -> a.reference().equals("DSA-2026-900")));
        shot(stage, "36-dataset-agreements");
    }

    private static boolean isInside(Node n, String id) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (id.equals(p.getId())) {
                return true;
            }
        }
        return false;
    }
}
