package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.assessment.AssessmentRecord;
import org.custodian.model.assessment.AssessmentStatus;
import org.custodian.model.assessment.RiskEntry;
import org.custodian.model.workbench.BackupEntry;
import org.custodian.model.workbench.TrashItem;
import org.custodian.ui.shell.Page;
import org.junit.jupiter.api.Test;

/**
 * The trust features from the window, headless: File › Restore lists the backups with their manifests and restores
 * the chosen one; a deleted risk shows in the trash page and Restore puts it back.
 */
class TrustWindowTest extends WorkbenchWindowTest {

    @Override
    int waitSeconds() {
        return 60;
    }

    private WorkbenchSession session() {
        return model.sessionProperty().get();
    }

    private Button button(String text) {
        return lookup((Node n) -> n instanceof Button b && text.equals(b.getText()) && b.isVisible())
                .queryAs(Button.class);
    }

    private void loadSample() throws Exception {
        waitUntil("the default workbench opens", () -> model.summaryProperty().get() != null);
        interact(model::loadSampleDepartment);
        waitUntil("the sample loads", () -> model.summaryProperty().get() != null
                && model.summaryProperty().get().datasets() == 302 && session().assessments().total() > 0);
    }

    /** A draft assessment of the sample with risks, and its first risk. */
    private AssessmentRecord draftWithRisks() {
        return session().assessments().list(AssessmentStatus.DRAFT).stream()
                .map(a -> session().assessments().load(a.key()).orElseThrow())
                .filter(r -> !r.risks().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void restoreListsTheBackupsWithTheirManifestsAndPutsTheChosenOneBack() throws Exception {
        loadSample();
        Path backup = session().backups().routine("daily").orElseThrow();
        AssessmentRecord draft = draftWithRisks();
        RiskEntry risk = draft.risks().get(0);
        assertTrue(session().assessments().deleteRisk(draft.assessment().key(), risk).isDone());

        interact(model::chooseAndRestore);
        waitUntil("the backups dialog", () -> lookup("#backups-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<BackupEntry> table = lookup("#backups-table").queryAs(TableView.class);
        assertTrue(table.getItems().size() >= 2, "the opening backup and the daily one: " + table.getItems());
        BackupEntry daily = table.getItems().stream().filter(e -> e.file().equals(backup)).findFirst().orElseThrow();
        assertEquals(302, daily.manifest().orElseThrow().count("datasets"));
        interact(() -> table.getSelectionModel().select(daily));
        shot(table.getScene().getWindow(), "66-backups-restore");
        clickOn(button("Restore…"));
        waitUntil("the confirmation", () -> lookup((Node n) -> n instanceof Button b && b.isVisible()
                && "Restore this backup".equals(b.getText())).tryQuery().isPresent());
        clickOn(button("Restore this backup"));
        waitUntil("the workbench is back from the backup", () -> session() != null
                && model.summaryProperty().get() != null && !model.openingProperty().get()
                && session().assessments().load(draft.assessment().key()).orElseThrow().risks().contains(risk));
        assertTrue(dialogs.notified.stream().anyMatch(m -> m.contains(backup.getFileName().toString())),
                dialogs.notified.toString());
        assertTrue(session().backups().list().stream().anyMatch(e -> e.kind().equals("before-restore")),
                "the replaced file was kept as a backup first");
    }

    @Test
    void aDeletedRiskIsInTheTrashPageAndRestoreBringsItBack() throws Exception {
        loadSample();
        AssessmentRecord draft = draftWithRisks();
        RiskEntry risk = draft.risks().get(0);
        interact(() -> {
            assertTrue(session().assessments().deleteRisk(draft.assessment().key(), risk).isDone());
            model.dataChanged();
            model.pageProperty().set(Page.TRASH);
        });
        @SuppressWarnings("unchecked")
        TableView<TrashItem> table = lookup("#trash-table").queryAs(TableView.class);
        waitUntil("the trash lists the risk", () -> table.getItems().size() == 1);
        assertEquals(risk.title(), table.getItems().get(0).label());
        interact(() -> table.getSelectionModel().select(0));
        shot(stage, "67-trash");
        clickOn("#trash-restore");
        waitUntil("the risk is back", () -> session().assessments().load(draft.assessment().key()).orElseThrow()
                .risks().contains(risk) && table.getItems().isEmpty());
        assertEquals(List.of(), session().trash().list());
    }

    @Test
    void anEncryptedBackupIsWrittenAndRestoredFromTheWindowWithItsPassphrase() throws Exception {
        loadSample();
        Path sealed = home.resolve("window-" + System.nanoTime() + ".cbk");
        dialogs.files.add(sealed);
        javafx.application.Platform.runLater(model::chooseAndBackUpEncrypted);
        waitUntil("the passphrase form", () -> lookup("#passphrase-again").tryQuery().isPresent());
        interact(() -> {
            lookup("#passphrase").queryAs(javafx.scene.control.PasswordField.class).setText("a long passphrase 2026");
            lookup("#passphrase-again").queryAs(javafx.scene.control.PasswordField.class)
                    .setText("a long passphrase 2026");
        });
        clickOn(button("Choose where to save…"));
        waitUntil("the encrypted backup is written", () -> dialogs.notified.stream()
                .anyMatch(m -> m.startsWith("Encrypted backup written")));
        assertTrue(org.custodian.logic.workbench.Backups.isEncrypted(sealed));

        AssessmentRecord draft = draftWithRisks();
        RiskEntry risk = draft.risks().get(0);
        assertTrue(session().assessments().deleteRisk(draft.assessment().key(), risk).isDone());

        dialogs.files.add(sealed);
        interact(model::chooseAndRestore);
        waitUntil("the backups dialog", () -> lookup("#backups-other").tryQuery().isPresent());
        clickOn("#backups-other");
        clickOn(button("Restore…"));
        waitUntil("the confirmation", () -> lookup((Node n) -> n instanceof Button b && b.isVisible()
                && "Restore this backup".equals(b.getText())).tryQuery().isPresent());
        clickOn(button("Restore this backup"));
        waitUntil("the passphrase is asked for", () -> lookup("#passphrase").tryQuery().isPresent());
        interact(() -> lookup("#passphrase").queryAs(javafx.scene.control.PasswordField.class)
                .setText("a long passphrase 2026"));
        clickOn(button("Restore this backup"));
        waitUntil("the workbench is back from the encrypted backup", () -> session() != null
                && !model.openingProperty().get() && model.summaryProperty().get() != null
                && session().assessments().load(draft.assessment().key()).orElseThrow().risks().contains(risk));
    }
}
