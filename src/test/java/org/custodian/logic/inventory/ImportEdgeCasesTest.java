package org.custodian.logic.inventory;

import static org.custodian.logic.inventory.InventoryFiles.HEADER;
import static org.custodian.logic.inventory.InventoryFiles.Row;
import static org.custodian.logic.inventory.InventoryFiles.csv;
import static org.custodian.logic.inventory.InventoryFiles.importCkan;
import static org.custodian.logic.inventory.InventoryFiles.importFile;
import static org.custodian.logic.inventory.InventoryFiles.state;
import static org.custodian.logic.inventory.InventoryFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.DatasetSort;
import org.custodian.model.inventory.UpdateFrequency;
import org.custodian.model.reference.ReferenceList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes of input a review found mishandled, each kept from coming back. */
class ImportEdgeCasesTest {

    @TempDir
    Path dir;

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRejectedAndBlankRowsAreNoRows() {
        try (WorkbenchSession s = InventoryFiles.withLists(dir.resolve("w.db"))) {
            String shifted = Row.valid("TD-2").line() + ",an unquoted, comma";
            String text = HEADER + ",,\n" + Row.valid("TD-1").line() + "\n" + shifted + "\n"
                    + ",".repeat(DatasetColumn.values().length - 1) + "\n\n";
            DatasetImportReport r = importFile(s, write(dir.resolve("shapes.csv"), text));
            assertEquals(2, r.rows().size(), "the row of empty cells and the blank line are no rows");
            assertEquals(RowOutcome.CREATED, r.rows().get(0).outcome(), "empty header cells are ignored");
            RowResult bad = r.rows().get(1);
            assertEquals(RowOutcome.REJECTED, bad.outcome());
            assertEquals(3, bad.line());
            assertTrue(bad.details().contains("the row has 2 value(s) after the header's last column"), bad.details());
        }
    }

    @Test
    void aFileWithoutAnyTitleColumnIsRefusedWhole() {
        try (WorkbenchSession s = InventoryFiles.withLists(dir.resolve("w.db"))) {
            var before = state(s);
            InputRejectedException e = assertThrows(InputRejectedException.class, () -> importFile(s,
                    write(dir.resolve("no-title.csv"), "code,department\nTD-1,hk-td\n")));
            assertTrue(e.getMessage().contains("title_en or title_tc"), e.getMessage());
            assertEquals(before, state(s));
        }
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkReads() {
        try (WorkbenchSession s = InventoryFiles.withLists(dir.resolve("w.db"))) {
            Path f = write(dir.resolve("utf16.csv"), "\uFEFF" + csv(Row.valid("TD-1")), StandardCharsets.UTF_16LE);
            DatasetImportReport r = importFile(s, f, StandardCharsets.UTF_16LE, false);
            assertEquals(1, r.count(RowOutcome.CREATED), r.rows().toString());
        }
    }

    @Test
    void aNewDepartmentSpeltLikeAKnownCodeOrAnEarlierNewOneIsThatEntry() {
        try (WorkbenchSession s = InventoryFiles.withLists(dir.resolve("w.db"))) {
            long organisations = s.referenceLists().count(ReferenceList.ORGANISATION, "");
            DatasetImportReport dry = importFile(s, write(dir.resolve("names.csv"), csv(
                    Row.valid("A-1").with(DatasetColumn.DEPARTMENT, "HK TD"),
                    Row.valid("A-2").with(DatasetColumn.DEPARTMENT, "Dept of Data"),
                    Row.valid("A-3").with(DatasetColumn.DEPARTMENT, "Dept. of Data"))),
                    StandardCharsets.UTF_8, true);
            assertEquals(3, dry.count(RowOutcome.CREATED));
            DatasetImportReport r = importFile(s, dir.resolve("names.csv"));
            assertEquals(3, r.count(RowOutcome.CREATED), "the real import does what the dry run said");
            assertEquals("hk-td", s.inventory().findByCode("A-1").orElseThrow().department());
            assertEquals("dept-of-data", s.inventory().findByCode("A-3").orElseThrow().department());
            assertEquals(organisations + 1, s.referenceLists().count(ReferenceList.ORGANISATION, ""));
            assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("taken as 'hk-td'")), r.warnings().toString());
        }
    }

    @Test
    void aJsonRowWhoseIdBelongsToAnotherDatasetIsRejectedNotFatal() throws Exception {
        try (WorkbenchSession s = InventoryFiles.withLists(dir.resolve("w.db"))) {
            importFile(s, write(dir.resolve("one.csv"), csv(Row.valid("TD-1"))));
            Path json = InventoryFiles.export(s, org.custodian.logic.inventory.DatasetExchange.Format.JSON,
                    dir.resolve("one.json"));
            String renamed = Files.readString(json).replace("\"TD-1\"", "\"TD-RENAMED\"");
            Files.writeString(json, renamed);
            var before = state(s);
            DatasetImportReport dry = importFile(s, json, StandardCharsets.UTF_8, true);
            assertEquals(1, dry.count(RowOutcome.REJECTED), "the dry run already says so");
            DatasetImportReport r = importFile(s, json);
            assertEquals(1, r.count(RowOutcome.REJECTED));
            assertTrue(r.rows().get(0).details().contains("already belongs to dataset TD-1"), r.rows().get(0).details());
            assertEquals(before, state(s));
        }
    }

    @Test
    void aCkanReimportKeepsWhatTheOfficerWroteWhereThePortalIsSilent() throws Exception {
        try (WorkbenchSession s = InventoryFiles.open(dir.resolve("w.db"))) {
            importCkan(s, InventoryFiles.SAMPLE_CKAN);
            Dataset news = s.inventory().page(DatasetQuery.all()).stream()
                    .filter(d -> d.titleTc() == null).findFirst().orElseThrow();
            Map<DatasetColumn, String> fields = new java.util.EnumMap<>(news.columns());
            fields.put(DatasetColumn.TITLE_TC, "官員補上的中文標題");
            fields.put(DatasetColumn.UPDATE_FREQUENCY, "weekly");
            assertTrue(s.inventory().save(news.id(), fields, "filled in").ok());
            DatasetImportReport again = importCkan(s, InventoryFiles.SAMPLE_CKAN);
            assertEquals(0, again.count(RowOutcome.UPDATED), "nothing the portal says has changed");
            Dataset kept = s.inventory().find(news.id()).orElseThrow();
            assertEquals("官員補上的中文標題", kept.titleTc());
            assertEquals(UpdateFrequency.WEEKLY, kept.updateFrequency());
        }
    }

    @Test
    void aSaveOfARecordChangedSinceItWasOpenedIsRefused() {
        try (WorkbenchSession s = InventoryFiles.withLists(dir.resolve("w.db"))) {
            importFile(s, write(dir.resolve("one.csv"), csv(Row.valid("TD-1"))));
            Dataset opened = s.inventory().findByCode("TD-1").orElseThrow();
            s.inventory().bulkEdit(List.of(opened.id()), Map.of(DatasetColumn.CUSTODIAN, "Someone Else"), "bulk");
            Map<DatasetColumn, String> typed = new java.util.EnumMap<>(opened.columns());
            typed.put(DatasetColumn.TITLE_EN, "Typed in the form");
            SaveOutcome outcome = s.inventory().save(opened.id(), typed, null, opened.updatedAt());
            assertTrue(!outcome.ok());
            assertEquals("validation.dataset.changedMeanwhile", outcome.problems().get(0).key());
            assertEquals("Someone Else", s.inventory().find(opened.id()).orElseThrow().custodian(), "not undone");
        }
    }

    @Test
    void departmentsSortByTheirChineseNamesToo() {
        try (WorkbenchSession s = InventoryFiles.withSample(dir.resolve("w.db"))) {
            for (DatasetSort sort : List.of(DatasetSort.DEPARTMENT_TC, DatasetSort.CATEGORY_TC)) {
                List<Dataset> page = s.inventory().page(DatasetQuery.all().withSort(sort, false).withPage(302, 0));
                assertEquals(302, page.size());
            }
            List<Dataset> zh = s.inventory().page(DatasetQuery.all().withSort(DatasetSort.DEPARTMENT_TC, false)
                    .withPage(302, 0));
            List<Dataset> en = s.inventory().page(DatasetQuery.all().withSort(DatasetSort.DEPARTMENT, false)
                    .withPage(302, 0));
            assertTrue(!zh.get(0).department().equals(en.get(0).department()),
                    "Chinese and English name orders differ: " + zh.get(0).department());
        }
    }
}
