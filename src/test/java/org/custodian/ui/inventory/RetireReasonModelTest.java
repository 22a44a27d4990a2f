package org.custodian.ui.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.LifecycleStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way the window retires a dataset asks why, and the answer is the audit event's reason. */
class RetireReasonModelTest {

    @TempDir
    Path dir;
    InventoryViewModels vm;

    @BeforeEach
    void open() {
        vm = new InventoryViewModels(dir, true);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private Dataset inUse(int skip) {
        return vm.shell.sessionProperty().get().inventory().page(DatasetQuery.all()).stream()
                .filter(d -> d.lifecycleStatus() != LifecycleStatus.RETIRED).skip(skip).findFirst().orElseThrow();
    }

    private Dataset now(Dataset d) {
        return vm.shell.sessionProperty().get().inventory().find(d.id()).orElseThrow();
    }

    private AuditEvent lastEvent(Dataset d) {
        List<AuditEvent> h = vm.shell.sessionProperty().get().inventory().history(d.id());
        return h.get(h.size() - 1);
    }

    @Test
    void theEditorAsksWhyBeforeItSavesARetirement() {
        DatasetEditorModel editor = new DatasetEditorModel(vm.shell);
        Dataset d = inUse(0);
        editor.edit(d);
        editor.fields.get(DatasetColumn.LIFECYCLE_STATUS).set("retired");
        long before = vm.auditEvents();
        editor.save(); // no answer: the officer cancels the question
        assertEquals(before, vm.auditEvents(), "nothing saved");
        assertTrue(vm.dialogs.shown.stream().anyMatch(s -> s.startsWith("askReason: " + d.code() + " will be marked")),
                vm.dialogs.shown.toString());
        vm.dialogs.answers.push("replaced by the combined traffic feed");
        editor.save();
        assertEquals(LifecycleStatus.RETIRED, now(d).lifecycleStatus());
        assertEquals("replaced by the combined traffic feed", lastEvent(d).reason());
    }

    @Test
    void aBlankReasonRetiresNothingAndSaysWhy() {
        DatasetListViewModel list = new DatasetListViewModel(vm.shell);
        list.start();
        Dataset d = inUse(1);
        list.selection.setAll(List.of(d));
        vm.dialogs.answers.push("  ");
        list.retireSelection();
        assertEquals(d.lifecycleStatus(), now(d).lifecycleStatus());
        assertTrue(vm.dialogs.shown.stream().anyMatch(s -> s.startsWith("error: ")), vm.dialogs.shown.toString());
        list.dispose();
    }

    @Test
    void aBulkEditThatRetiresAsksWhenNoReasonWasTyped() {
        DatasetListViewModel list = new DatasetListViewModel(vm.shell);
        list.start();
        Dataset d = inUse(2);
        list.selection.setAll(List.of(d));
        list.bulkLifecycle.set("retired");
        vm.dialogs.answers.push("the survey ended");
        list.applyBulkEdit();
        assertEquals(LifecycleStatus.RETIRED, now(d).lifecycleStatus());
        assertEquals("the survey ended", lastEvent(d).reason());
        list.dispose();
    }
}
