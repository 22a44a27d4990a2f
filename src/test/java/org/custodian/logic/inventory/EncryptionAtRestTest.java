package org.custodian.logic.inventory;

import static org.custodian.logic.inventory.InventoryFiles.HEADER;
import static org.custodian.logic.inventory.InventoryFiles.SAMPLE_CKAN;
import static org.custodian.logic.inventory.InventoryFiles.csv;
import static org.custodian.logic.inventory.InventoryFiles.importCkan;
import static org.custodian.logic.inventory.InventoryFiles.importFile;
import static org.custodian.logic.inventory.InventoryFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.logic.inventory.InventoryFiles.Row;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.audit.AuditEvent;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.DatasetQuery;
import org.custodian.model.inventory.EncryptionAtRest;
import org.custodian.model.inventory.LifecycleStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a dataset is encrypted at rest, through the store, the importers, the exports and the sample. */
class EncryptionAtRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final List<WorkbenchSession> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(WorkbenchSession::close);
    }

    private WorkbenchSession withLists(String name) {
        WorkbenchSession s = InventoryFiles.withLists(dir.resolve(name));
        opened.add(s);
        return s;
    }

    private WorkbenchSession withSample(String name) {
        WorkbenchSession s = InventoryFiles.withSample(dir.resolve(name));
        opened.add(s);
        return s;
    }

    private static Dataset stored(WorkbenchSession s, String code) {
        return s.inventory().findByCode(code).orElseThrow(() -> new AssertionError(code + " is not stored"));
    }

    private DatasetImportReport load(WorkbenchSession s, String name, String text) {
        return importFile(s, write(dir.resolve(name), text));
    }

    /** The CSV text of rows under the canonical header without the encryption_at_rest column. */
    private static String withoutColumn(Row... rows) {
        int skip = DatasetColumn.ENCRYPTION_AT_REST.ordinal();
        StringBuilder s = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(HEADER.split(",")));
        header.remove(skip);
        s.append(String.join(",", header)).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (DatasetColumn c : DatasetColumn.values()) {
                if (c != DatasetColumn.ENCRYPTION_AT_REST) {
                    cells.add(r.get(c));
                }
            }
            s.append(org.apache.commons.csv.CSVFormat.RFC4180.format(cells.toArray())).append('\n');
        }
        return s.toString();
    }

    @Test
    void theStoreKeepsEachValueAndAnEditIsAuditedFieldByField() {
        WorkbenchSession s = withLists("store.db");
        Inventory inventory = s.inventory();
        Map<DatasetColumn, String> f = new EnumMap<>(Row.valid("TD-ENC-0001").fields());
        f.remove(DatasetColumn.ENCRYPTION_AT_REST);
        SaveOutcome created = inventory.save(null, f, null);
        assertTrue(created.ok(), created.problems().toString());
        assertEquals(EncryptionAtRest.NOT_RECORDED, stored(s, "TD-ENC-0001").encryptionAtRest(),
                "a record without the field has it not recorded");

        for (EncryptionAtRest value : List.of(EncryptionAtRest.YES, EncryptionAtRest.NO,
                EncryptionAtRest.NOT_RECORDED)) {
            Dataset before = stored(s, "TD-ENC-0001");
            f.put(DatasetColumn.ENCRYPTION_AT_REST, value.code());
            assertTrue(inventory.save(before.id(), f, null).ok());
            Dataset after = stored(s, "TD-ENC-0001");
            assertEquals(value, after.encryptionAtRest(), "read back from SQLite");
            assertEquals(after, inventory.page(DatasetQuery.all()).get(0), "a listed page reads it too");
        }
        List<AuditEvent> history = inventory.history(stored(s, "TD-ENC-0001").id());
        assertEquals(4, history.size(), "created, then one event for each change");
        assertEquals("{\"encryption_at_rest\":null}", history.get(1).before());
        assertEquals("{\"encryption_at_rest\":\"yes\"}", history.get(1).after());
        assertEquals("{\"encryption_at_rest\":\"yes\"}", history.get(2).before());
        assertEquals("{\"encryption_at_rest\":\"no\"}", history.get(2).after());
        assertEquals("{\"encryption_at_rest\":null}", history.get(3).after(), "not recorded, as the CSV says it");
    }

    @Test
    void aCsvImportTakesTheValueAndNamesLineAndColumnOfAnInvalidOne() {
        WorkbenchSession s = withLists("import.db");
        DatasetImportReport report = load(s, "enc.csv", csv(
                Row.valid("TD-ENC-0001").with(DatasetColumn.ENCRYPTION_AT_REST, "yes"),
                Row.valid("TD-ENC-0002").with(DatasetColumn.ENCRYPTION_AT_REST, "No"),
                Row.valid("TD-ENC-0003").with(DatasetColumn.ENCRYPTION_AT_REST, "not-recorded"),
                Row.valid("TD-ENC-0004").with(DatasetColumn.ENCRYPTION_AT_REST, ""),
                Row.valid("TD-ENC-0005").with(DatasetColumn.ENCRYPTION_AT_REST, "AES-256")));

        assertEquals(List.of(RowOutcome.CREATED, RowOutcome.CREATED, RowOutcome.CREATED, RowOutcome.CREATED,
                RowOutcome.REJECTED), report.rows().stream().map(RowResult::outcome).toList());
        assertEquals(EncryptionAtRest.YES, stored(s, "TD-ENC-0001").encryptionAtRest());
        assertEquals(EncryptionAtRest.NO, stored(s, "TD-ENC-0002").encryptionAtRest());
        assertEquals(EncryptionAtRest.NOT_RECORDED, stored(s, "TD-ENC-0003").encryptionAtRest());
        assertEquals(EncryptionAtRest.NOT_RECORDED, stored(s, "TD-ENC-0004").encryptionAtRest());
        assertEquals("enc.csv, line 6, column encryption_at_rest: 'AES-256' is not one of yes, no, not-recorded",
                report.rows().get(4).problems().get(0).describe());
    }

    @Test
    void aLevelThatRequiresEncryptionWithANoImportsWithAWarning() {
        WorkbenchSession s = withLists("warn.db");
        DatasetImportReport report = load(s, "warn.csv", csv(Row.valid("TD-ENC-0001")
                .with(DatasetColumn.CLASSIFICATION, "CONFIDENTIAL").with(DatasetColumn.OPEN_DATA_STATUS, "not-planned")
                .with(DatasetColumn.LANDING_PAGE, "").with(DatasetColumn.ENCRYPTION_AT_REST, "no")));

        assertEquals(RowOutcome.CREATED, report.rows().get(0).outcome(), report.summary());
        assertEquals(EncryptionAtRest.NO, stored(s, "TD-ENC-0001").encryptionAtRest());
        assertEquals(List.of("encryption_at_rest"), report.rows().get(0).warnings().stream()
                .map(org.custodian.logic.io.RowProblem::column).toList());
    }

    @Test
    void aFileWithoutTheColumnStillImportsAndLeavesWhatIsRecorded() {
        WorkbenchSession s = withLists("absent.db");
        load(s, "first.csv", csv(Row.valid("TD-ENC-0001").with(DatasetColumn.ENCRYPTION_AT_REST, "yes")));

        DatasetImportReport report = load(s, "old.csv", withoutColumn(
                Row.valid("TD-ENC-0001").with(DatasetColumn.TITLE_EN, "Renamed"), Row.valid("TD-ENC-0002")));

        assertEquals(List.of(RowOutcome.UPDATED, RowOutcome.CREATED),
                report.rows().stream().map(RowResult::outcome).toList(), report.summary());
        assertEquals(List.of(), report.warnings(), "a missing optional column is no warning");
        assertEquals("Renamed", stored(s, "TD-ENC-0001").titleEn());
        assertEquals(EncryptionAtRest.YES, stored(s, "TD-ENC-0001").encryptionAtRest(),
                "a file made before the field existed says nothing of it");
        assertEquals(EncryptionAtRest.NOT_RECORDED, stored(s, "TD-ENC-0002").encryptionAtRest());

        DatasetImportReport blank = load(s, "blank.csv", csv(Row.valid("TD-ENC-0001")
                .with(DatasetColumn.TITLE_EN, "Renamed").with(DatasetColumn.ENCRYPTION_AT_REST, "")));
        assertEquals(RowOutcome.UPDATED, blank.rows().get(0).outcome());
        assertEquals(EncryptionAtRest.NOT_RECORDED, stored(s, "TD-ENC-0001").encryptionAtRest(),
                "an empty cell in the column is a value: not recorded");
    }

    @Test
    void csvAndJsonExportsCarryTheFieldAndImportBackToTheSameValues() throws Exception {
        WorkbenchSession sample = withSample("sample.db");
        Map<String, EncryptionAtRest> original = new java.util.HashMap<>();
        sample.inventory().forEach(DatasetQuery.all(), d -> original.put(d.code(), d.encryptionAtRest()));
        assertEquals(Set.of(EncryptionAtRest.values()).size(), Set.copyOf(original.values()).size(),
                "the sample holds every value");

        for (DatasetExchange.Format format : List.of(DatasetExchange.Format.CSV, DatasetExchange.Format.JSON)) {
            Path file = InventoryFiles.export(sample, format, dir.resolve("out." + format.name().toLowerCase()));
            WorkbenchSession copy = withLists("copy-" + format + ".db");
            DatasetImportReport report = importFile(copy, file);
            assertFalse(report.anyRejected(), report.summary());
            Map<String, EncryptionAtRest> back = new java.util.HashMap<>();
            copy.inventory().forEach(DatasetQuery.all(), d -> back.put(d.code(), d.encryptionAtRest()));
            assertEquals(original, back, format.name());
        }
        Path csv = InventoryFiles.export(sample, DatasetExchange.Format.CSV, dir.resolve("header.csv"));
        assertTrue(Files.readString(csv).contains(",cross_boundary,encryption_at_rest,lifecycle_status,"));
        JsonNode hyd = find(JSON.readTree(InventoryFiles.export(sample, DatasetExchange.Format.JSON,
                dir.resolve("one.json")).toFile()), "HYD-CLAIM-0001");
        assertEquals("no", hyd.get("encryption_at_rest").asText());
    }

    @Test
    void aJsonFileWithoutTheFieldLeavesWhatIsRecorded() throws Exception {
        WorkbenchSession sample = withSample("json.db");
        Path file = InventoryFiles.export(sample, DatasetExchange.Format.JSON, dir.resolve("all.json"));
        JsonNode array = JSON.readTree(file.toFile());
        array.forEach(n -> ((ObjectNode) n).remove("encryption_at_rest"));
        JSON.writeValue(file.toFile(), array);

        DatasetImportReport report = importFile(sample, file);
        assertEquals(InventoryFiles.SAMPLE_ROWS, report.count(RowOutcome.UNCHANGED), report.summary());
        assertEquals(EncryptionAtRest.NO, stored(sample, "HYD-CLAIM-0001").encryptionAtRest());
    }

    @Test
    void theInternalDcatCatalogueSaysItAndTheCkanImportLeavesItNotRecorded() throws Exception {
        WorkbenchSession sample = withSample("dcat.db");
        Path all = InventoryFiles.export(sample, DatasetQuery.all(), DatasetExchange.Format.DCAT,
                dir.resolve("all.jsonld"), true);
        String text = Files.readString(all).replaceAll("\\s", "");
        assertTrue(text.contains("\"dept:encryptionAtRest\":\"no\""), "an internal field, under dept:");
        Path open = InventoryFiles.export(sample, DatasetQuery.all(), DatasetExchange.Format.DCAT,
                dir.resolve("open.jsonld"), false);
        assertFalse(Files.readString(open).contains("encryption"), "not in the public catalogue");

        WorkbenchSession portal = withLists("ckan.db");
        DatasetImportReport report = importCkan(portal, SAMPLE_CKAN);
        assertTrue(report.count(RowOutcome.CREATED) > 0, report.summary());
        portal.inventory().forEach(DatasetQuery.all(), d -> assertEquals(EncryptionAtRest.NOT_RECORDED,
                d.encryptionAtRest(), d.code() + ": the portal does not say"));
    }

    /** The findings need an active dataset that lacks encryption its level requires, in the sample. */
    @Test
    void theSampleHasActiveDatasetsShortOfTheEncryptionTheirLevelRequires() {
        WorkbenchSession sample = withSample("short.db");
        Map<String, ClassificationLevel> levels = sample.inventory().levels().stream()
                .collect(Collectors.toMap(ClassificationLevel::code, l -> l));
        List<String> shortOfIt = new ArrayList<>();
        int[] required = {0};
        sample.inventory().forEach(DatasetQuery.all(), d -> {
            ClassificationLevel level = d.classification() == null ? null : levels.get(d.classification());
            if (level != null && level.rules().encryptionAtRest()) {
                required[0]++;
                if (d.encryptionAtRest() != EncryptionAtRest.YES && d.lifecycleStatus() == LifecycleStatus.ACTIVE) {
                    shortOfIt.add(d.code() + " " + d.classification() + " " + d.encryptionAtRest());
                }
            }
        });
        assertEquals(List.of("HYD-CLAIM-0001 CONFIDENTIAL NO", "IRD-CALL-0001 RESTRICTED NOT_RECORDED",
                "LD-INSP-0001 RESTRICTED NOT_RECORDED"), shortOfIt.stream().sorted().toList());
        assertTrue(required[0] > 100, "the rest of the classified registers are encrypted");
    }

    private static JsonNode find(JsonNode array, String code) {
        for (JsonNode n : array) {
            if (code.equals(n.get("code").asText())) {
                return n;
            }
        }
        throw new AssertionError(code);
    }
}
