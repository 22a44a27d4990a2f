package org.custodian.ui.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetFacet;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.inventory.FacetCount;
import org.custodian.model.inventory.LifecycleStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetListViewModelTest {

    @TempDir
    Path dir;
    InventoryViewModels vm;
    DatasetListViewModel list;

    private void start(boolean sample) {
        vm = new InventoryViewModels(dir, sample);
        list = new DatasetListViewModel(vm.shell);
        list.start();
    }

    @AfterEach
    void close() {
        list.dispose();
        vm.close();
    }

    @Test
    void anEmptyWorkbenchSaysSoAndTheSampleFillsTheFirstPage() {
        start(false);
        assertTrue(list.emptyInventory.get());
        assertEquals("0 datasets", list.countText.get());
        vm.shell.loadSampleDepartment(); // bumps the data version: the page reloads
        assertFalse(list.emptyInventory.get());
        assertEquals(100, list.rows.size());
        assertEquals("302 datasets", list.countText.get());
        assertEquals("1–100 of 302", list.pageText.get());
        assertTrue(list.hasNext.get());
        assertFalse(list.facets.isEmpty(), "facet counts follow the page");
    }

    @Test
    void searchFacetsSortAndPagesAreAnsweredByTheStore() {
        start(true);
        list.search.set("空氣");
        assertFalse(list.rows.isEmpty());
        assertTrue(list.rows.stream().allMatch(d -> (d.titleTc() + d.descriptionTc() + d.keywords()).contains("空氣")));
        assertTrue(list.countText.get().endsWith("of 302 datasets"), list.countText.get());
        list.search.set("");

        list.toggleFacet(DatasetFacet.DEPARTMENT, "hk-td", true);
        assertEquals(24, list.total.get());
        assertTrue(list.rows.stream().allMatch(d -> d.department().equals("hk-td")));
        List<FacetCount> departments = list.facet(DatasetFacet.DEPARTMENT);
        assertTrue(departments.size() > 1, "the chosen facet still counts the other departments");
        list.toggleFacet(DatasetFacet.DEPARTMENT, "hk-dh", true);
        assertEquals(24 + 20, list.total.get(), "values within a facet widen the list");
        list.toggleFacet(DatasetFacet.LIFECYCLE_STATUS, "retired", true);
        assertTrue(list.rows.stream().allMatch(d -> d.lifecycleStatus() == LifecycleStatus.RETIRED));
        list.clearFilters();
        assertEquals(302, list.total.get());

        list.sortBy(DatasetSort.CODE, true);
        String lastCode = list.rows.get(0).code();
        list.sortBy(DatasetSort.CODE, false);
        assertTrue(list.rows.get(0).code().compareTo(lastCode) < 0);
        list.nextPage();
        list.nextPage();
        list.nextPage();
        assertEquals(2, list.rows.size(), "the fourth page holds the last two of 302");
        assertFalse(list.hasNext.get());
    }

    @Test
    void aBulkEditChangesEveryChosenDatasetWithOneAuditEventEach() {
        start(true);
        List<Dataset> chosen = List.copyOf(list.rows.subList(0, 3));
        list.selection.setAll(chosen);
        long before = vm.auditEvents();
        list.bulkCustodian.set("Lee Ka-yan (Data Officer)");
        list.bulkOpenData.set("planned");
        list.bulkReason.set("custodian changed after the reorganisation");
        list.applyBulkEdit();
        assertEquals(before + 3, vm.auditEvents());
        for (Dataset d : chosen) {
            Dataset now = vm.shell.sessionProperty().get().inventory().find(d.id()).orElseThrow();
            assertEquals("Lee Ka-yan (Data Officer)", now.custodian());
            assertEquals("planned", now.openDataStatus().code());
            var history = vm.shell.sessionProperty().get().inventory().history(d.id());
            assertEquals("custodian changed after the reorganisation", history.get(history.size() - 1).reason());
        }
        assertTrue(vm.dialogs.shown.stream().anyMatch(s -> s.startsWith("notify: 3 datasets changed")));
        assertTrue(list.bulkChanges().isEmpty(), "the form is cleared for the next edit");
    }

    @Test
    void retiringAsksForAReasonAndKeepsTheRecords() {
        start(true);
        List<Dataset> chosen = List.copyOf(list.rows.subList(0, 2));
        list.selection.setAll(chosen);
        vm.dialogs.answers.push("merged into the new register");
        list.retireSelection();
        for (Dataset d : chosen) {
            Dataset now = vm.shell.sessionProperty().get().inventory().find(d.id()).orElseThrow();
            assertEquals(LifecycleStatus.RETIRED, now.lifecycleStatus());
        }
        assertEquals(302, list.workbenchTotal.get(), "nothing is deleted");

        list.selection.setAll(List.copyOf(list.rows.subList(2, 3)));
        long before = vm.auditEvents();
        list.retireSelection(); // the officer cancels the question
        assertEquals(before, vm.auditEvents());
        assertEquals(Set.of(), Set.copyOf(vm.dialogs.answers));
    }
}
