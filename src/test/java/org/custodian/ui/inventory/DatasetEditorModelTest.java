package org.custodian.ui.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetEditorModelTest {

    @TempDir
    Path dir;
    InventoryViewModels vm;
    DatasetEditorModel editor;

    @BeforeEach
    void open() {
        vm = new InventoryViewModels(dir, true);
        editor = new DatasetEditorModel(vm.shell);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private Dataset first() {
        return vm.shell.sessionProperty().get().inventory().page(DatasetQuery.all().withPage(1, 0)).get(0);
    }

    @Test
    void messagesShowForFieldsTheUserLeftAndAllOfThemOnSave() {
        editor.create(null);
        editor.fields.get(DatasetColumn.CONTACT_EMAIL).set("not an address");
        assertEquals("", editor.errors.get(DatasetColumn.CONTACT_EMAIL).get(), "no message before leaving the field");
        editor.touch(DatasetColumn.CONTACT_EMAIL);
        assertEquals("“not an address” is not an e-mail address.", editor.errors.get(DatasetColumn.CONTACT_EMAIL).get());
        assertEquals("", editor.errors.get(DatasetColumn.CODE).get());

        long before = vm.auditEvents();
        editor.save();
        assertEquals(before, vm.auditEvents(), "nothing is stored");
        assertEquals("Code is required.", editor.errors.get(DatasetColumn.CODE).get());
        assertEquals("Department is required.", editor.errors.get(DatasetColumn.DEPARTMENT).get());
        assertEquals(DatasetColumn.CODE, editor.firstProblem.get(), "Save points at the first problem");
        assertEquals("not an address", editor.fields.get(DatasetColumn.CONTACT_EMAIL).get(), "what was typed stays");
    }

    @Test
    void aNewDatasetIsCreatedAndItsHistoryShows() {
        editor.create(null);
        editor.fields.get(DatasetColumn.CODE).set("TD-NEW-0001");
        editor.fields.get(DatasetColumn.TITLE_TC).set("新的行車時間數據");
        editor.fields.get(DatasetColumn.DEPARTMENT).set("hk-td");
        editor.fields.get(DatasetColumn.CLASSIFICATION).set("RESTRICTED");
        assertTrue(editor.dirty.get());
        editor.save();
        Dataset saved = editor.original.get();
        assertNotNull(saved, "the editor now holds the stored record");
        assertEquals("新的行車時間數據", saved.titleTc());
        assertEquals(null, saved.classification(), "a level is a decision, recorded once the dataset exists");
        assertFalse(editor.dirty.get());
        assertEquals(1, editor.history.size());
        assertEquals("create", editor.history.get(0).action());
        assertTrue(vm.dialogs.shown.contains("notify: Dataset TD-NEW-0001 created."));
    }

    @Test
    void aCodeAnotherDatasetUsesIsRefusedOnTheCodeField() {
        Dataset existing = first();
        editor.create(existing); // duplicate: everything but the code
        assertEquals("", editor.fields.get(DatasetColumn.CODE).get());
        editor.fields.get(DatasetColumn.CODE).set(existing.code().toLowerCase());
        long before = vm.auditEvents();
        editor.save();
        assertEquals(before, vm.auditEvents());
        assertTrue(editor.errors.get(DatasetColumn.CODE).get().contains("already used by another dataset"),
                editor.errors.get(DatasetColumn.CODE).get());
        assertEquals(DatasetColumn.CODE, editor.firstProblem.get());
    }

    @Test
    void editingTracksUnsavedChangesRevertsAndRecordsOnlyWhatChanged() {
        Dataset d = first();
        editor.edit(d);
        assertFalse(editor.dirty.get());
        editor.fields.get(DatasetColumn.CUSTODIAN).set("Wong Siu-ming (Statistician)");
        assertTrue(editor.dirty.get());
        editor.revert();
        assertFalse(editor.dirty.get());
        assertEquals(d.custodian(), editor.fields.get(DatasetColumn.CUSTODIAN).get());

        editor.fields.get(DatasetColumn.CUSTODIAN).set("Wong Siu-ming (Statistician)");
        editor.save();
        var update = editor.history.get(editor.history.size() - 1);
        assertEquals("update", update.action());
        assertEquals("{\"custodian\":\"Wong Siu-ming (Statistician)\"}", update.after());
    }

    @Test
    void aFailedSaveKeepsWhatWasTypedAndSaysWhy() {
        Dataset d = first();
        editor.edit(d);
        editor.fields.get(DatasetColumn.TITLE_EN).set("Typed before the disk went away");
        vm.shell.sessionProperty().get().close(); // the file is gone from under the form
        editor.save();
        assertEquals("Typed before the disk went away", editor.fields.get(DatasetColumn.TITLE_EN).get());
        assertTrue(editor.dirty.get());
        assertTrue(vm.dialogs.shown.stream().anyMatch(s -> s.startsWith("error: The dataset was not saved")),
                vm.dialogs.shown.toString());
    }

    @Test
    void aDecisionWhileEditingShowsTheNewLevelAndStillGuardsAgainstAnotherChangeMadeMeanwhile() {
        var session = vm.shell.sessionProperty().get();
        Dataset d = first();
        editor.edit(d);
        editor.fields.get(DatasetColumn.CUSTODIAN).set("Typed in the form");
        // An import changes the record meanwhile, then the user records a decision in the Classification tab.
        java.util.Map<DatasetColumn, String> changed = new java.util.EnumMap<>(d.columns());
        changed.put(DatasetColumn.TITLE_EN, "Changed by an import");
        assertTrue(session.inventory().save(d.id(), changed, "import").ok());
        String newLevel = "SECRET".equals(d.classification()) ? "TOP SECRET" : "SECRET";
        assertTrue(session.classification().classify(d.id(), org.custodian.model.classification.DecisionInput.of(
                newLevel, "holds more than it did", "Wong")).isDone());
        editor.levelChanged(session.inventory().find(d.id()).orElseThrow());

        assertEquals(newLevel, editor.fields.get(DatasetColumn.CLASSIFICATION).get(), "the new level shows");
        assertEquals("Typed in the form", editor.fields.get(DatasetColumn.CUSTODIAN).get(), "the typing stays");
        editor.save();
        assertEquals("Changed by an import", session.inventory().find(d.id()).orElseThrow().titleEn(),
                "the import's change is not overwritten by a form loaded before it");
        assertTrue(vm.dialogs.shown.stream().anyMatch(m -> m.contains("was changed after you opened it")),
                vm.dialogs.shown.toString());
    }

    @Test
    void theEncryptionHintSaysWhatTheLevelRequiresAndANoIsSavedNotRefused() {
        var session = vm.shell.sessionProperty().get();
        editor.setLevels(session.inventory().levels());
        Dataset claims = session.inventory().findByCode("HYD-CLAIM-0001").orElseThrow();
        assertEquals("CONFIDENTIAL", claims.classification());
        editor.edit(claims);
        assertEquals("no", editor.fields.get(DatasetColumn.ENCRYPTION_AT_REST).get());
        assertEquals("CONFIDENTIAL requires encryption at rest, but this dataset is not encrypted: the findings will"
                + " list it.", editor.encryptionHint.get());
        assertTrue(editor.encryptionShort.get());

        editor.fields.get(DatasetColumn.ENCRYPTION_AT_REST).set("");
        assertEquals("CONFIDENTIAL requires encryption at rest: record whether this dataset is encrypted.",
                editor.encryptionHint.get());
        assertTrue(editor.encryptionShort.get());
        editor.fields.get(DatasetColumn.ENCRYPTION_AT_REST).set("yes");
        assertEquals("CONFIDENTIAL requires encryption at rest.", editor.encryptionHint.get());
        assertFalse(editor.encryptionShort.get());
        editor.save();
        assertEquals(org.custodian.model.inventory.EncryptionAtRest.YES,
                session.inventory().find(claims.id()).orElseThrow().encryptionAtRest());
        var update = editor.history.get(editor.history.size() - 1);
        assertEquals("{\"encryption_at_rest\":\"no\"}", update.before());
        assertEquals("{\"encryption_at_rest\":\"yes\"}", update.after());
        org.custodian.ui.common.I18n english = new org.custodian.ui.common.I18n(org.custodian.ui.common.I18n.ENGLISH);
        assertEquals("Encrypted at rest", english.tr(org.custodian.logic.audit.AuditLabels.fieldKeys("dataset",
                "encryption_at_rest").get(0)), "the history names the field");

        editor.fields.get(DatasetColumn.ENCRYPTION_AT_REST).set("no");
        editor.save();
        assertEquals(org.custodian.model.inventory.EncryptionAtRest.NO,
                session.inventory().find(claims.id()).orElseThrow().encryptionAtRest(),
                "a no is what is so: stored, and left to the findings");

        Dataset open = session.inventory().findByCode("TD-JTI-0001").orElseThrow();
        assertEquals("UNCLASSIFIED", open.classification());
        editor.edit(open);
        assertEquals("", editor.encryptionHint.get(), "UNCLASSIFIED asks nothing");
        assertFalse(editor.encryptionShort.get());
    }
}
